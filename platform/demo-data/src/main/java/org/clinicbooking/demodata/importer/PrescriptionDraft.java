package org.clinicbooking.demodata.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicbooking.demodata.synthea.SyntheaMedication;

/**
 * Builds a prescription request from a row of medications.csv. Synthea's CSV export has the
 * medication, its RxNorm code, the start and stop times and the reason, but no dose or
 * frequency, so the dosage is the strength named in the medication (such as "500 MG") and the
 * frequency is "As directed".
 */
final class PrescriptionDraft {

    static final String FREQUENCY = "As directed";

    /** Days of supply for a medication that is still taken (no stop time in Synthea). */
    static final int ONGOING_DURATION_DAYS = 30;

    private static final Pattern STRENGTH =
            Pattern.compile("\\b\\d+(?:\\.\\d+)?\\s?(?:MG|MCG|ML|UNT|MEQ|%)(?:/(?:ML|MG|HR|ACTUAT|DAY))?\\b");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private PrescriptionDraft() {}

    static Map<String, Object> request(UUID appointmentId, SyntheaMedication medication) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("appointmentId", appointmentId);
        request.put("medication", truncate(medication.description(), 200));
        if (DIGITS.matcher(medication.code()).matches()) {
            request.put("rxNormCode", medication.code());
        }
        request.put("dosage", dosage(medication.description()));
        request.put("frequency", FREQUENCY);
        request.put("durationDays", durationDays(medication));
        String instructions = instructions(medication);
        if (!instructions.isEmpty()) {
            request.put("instructions", instructions);
        }
        return request;
    }

    /** Returns the strengths named in the description, such as "325 MG" or "1 MG/ML", or "As labelled". */
    static String dosage(String description) {
        List<String> strengths = new ArrayList<>();
        Matcher matcher = STRENGTH.matcher(description);
        while (matcher.find()) {
            strengths.add(matcher.group());
        }
        return strengths.isEmpty() ? "As labelled" : truncate(String.join(" / ", strengths), 100);
    }

    /** Returns the days from start to stop, rounded up, between 1 and 365; 30 for an ongoing medication. */
    static int durationDays(SyntheaMedication medication) {
        if (medication.stop() == null) {
            return ONGOING_DURATION_DAYS;
        }
        long hours = Duration.between(medication.start(), medication.stop()).toHours();
        long days = (hours + 23) / 24;
        return (int) Math.max(1, Math.min(365, days));
    }

    private static String instructions(SyntheaMedication medication) {
        StringBuilder text = new StringBuilder();
        if (!medication.reasonDescription().isEmpty()) {
            text.append("For ").append(medication.reasonDescription()).append(". ");
        }
        if (medication.stop() == null) {
            text.append("Ongoing medication: renew at each visit.");
        }
        return truncate(text.toString().strip(), 2000);
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
