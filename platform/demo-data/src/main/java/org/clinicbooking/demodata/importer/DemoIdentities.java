package org.clinicbooking.demodata.importer;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Synthea's people and places into the values the API accepts: display names, email
 * addresses, E.164 phone numbers, licence numbers and random passwords.
 */
final class DemoIdentities {

    /** Email domain of every account the import creates; {@code .example} is reserved (RFC 2606). */
    static final String EMAIL_DOMAIN = "demo.clinic-booking.example";

    private static final Pattern TRAILING_DIGITS = Pattern.compile("\\d+$");
    private static final Pattern NANP_NUMBER = Pattern.compile("\\(?(\\d{3})\\)?[-. ]?(\\d{3})[-. ]?(\\d{4})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoIdentities() {}

    /**
     * Returns a name as people write it. Synthea appends digits to every generated name part
     * ("Gabriel934 Reilly981") to keep them unique; those are dropped.
     */
    static String displayName(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            for (String word : part.trim().split("\\s+")) {
                String cleaned = TRAILING_DIGITS.matcher(word).replaceAll("");
                if (!cleaned.isEmpty()) {
                    name.append(name.length() == 0 ? "" : " ").append(cleaned);
                }
            }
        }
        return name.toString();
    }

    /**
     * Returns an email address made of the name and the start of the Synthea id, so that two
     * people of the same name get different addresses and a re-run finds the same one.
     */
    static String email(String prefix, String displayName, String syntheaId) {
        String ascii = Normalizer.normalize(displayName, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
        String local = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
        String idPart = syntheaId.replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return prefix + (local.isEmpty() ? "" : local + ".") + idPart + "@" + EMAIL_DOMAIN;
    }

    /**
     * Returns the first North American number in Synthea's phone field (which may hold two,
     * as in "978-342-9781 Or 978-342-9781") in E.164 form, or empty when there is none.
     */
    static Optional<String> usPhoneNumber(String raw) {
        Matcher matcher = NANP_NUMBER.matcher(raw == null ? "" : raw);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of("+1" + matcher.group(1) + matcher.group(2) + matcher.group(3));
    }

    /** Returns a licence number derived from the Synthea provider id, unique as the id is. */
    static String licenseNumber(String providerId) {
        return "SYN-" + providerId.replace("-", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Returns years of experience between 5 and 35. Synthea has no such field, so the value is
     * made up, from the provider id so that it stays the same on every run.
     */
    static int yearsOfExperience(String providerId) {
        return 5 + Math.floorMod(providerId.hashCode(), 31);
    }

    /** Returns "General practice" for Synthea's "GENERAL PRACTICE". */
    static String specialization(String speciality) {
        String lower = speciality.trim().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return "General practice";
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Returns a random password of 32 URL-safe characters (192 bits), for one run only. */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
