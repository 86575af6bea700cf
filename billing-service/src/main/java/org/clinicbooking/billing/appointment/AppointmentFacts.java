package org.clinicbooking.billing.appointment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An appointment as scheduling-service describes it: the fields of its {@code AppointmentResponse}
 * that billing stores. The same shape arrives as event data and from {@code GET /api/appointments/{id}};
 * fields billing does not use (reason, cancellation reason, ...) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentFacts(
        UUID id,
        UUID patientId,
        UUID doctorId,
        UUID clinicId,
        UUID serviceId,
        Instant startAt,
        Instant endAt,
        AppointmentStatus status,
        BigDecimal price,
        String currency,
        Long version) {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    /** The largest price DECIMAL(12,2) holds. */
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    /** Lists what keeps these facts from being stored; empty when they are complete and in range. */
    public List<String> defects() {
        List<String> defects = new ArrayList<>();
        requirePresent(defects, "id", id);
        requirePresent(defects, "patientId", patientId);
        requirePresent(defects, "doctorId", doctorId);
        requirePresent(defects, "clinicId", clinicId);
        requirePresent(defects, "serviceId", serviceId);
        requirePresent(defects, "startAt", startAt);
        requirePresent(defects, "endAt", endAt);
        requirePresent(defects, "status", status);
        requirePresent(defects, "price", price);
        requirePresent(defects, "currency", currency);
        requirePresent(defects, "version", version);
        if (startAt != null && endAt != null && !endAt.isAfter(startAt)) {
            defects.add("endAt is not after startAt");
        }
        if (price != null
                && (price.signum() < 0 || price.stripTrailingZeros().scale() > 2 || price.compareTo(MAX_PRICE) > 0)) {
            defects.add("price is not an amount from 0 to " + MAX_PRICE + " with at most 2 decimals");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            defects.add("currency is not an ISO 4217 code");
        }
        if (version != null && version < 0) {
            defects.add("version is negative");
        }
        return defects;
    }

    private static void requirePresent(List<String> defects, String field, Object value) {
        if (value == null) {
            defects.add("lacks the field " + field);
        }
    }
}
