package org.clinicbooking.scheduling.appointment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * An appointment as the API returns it and its events carry it. The price is a decimal string
 * with the currency's number of minor digits ("45.00" for KES, "4500" for JPY).
 */
public record AppointmentResponse(
        UUID id,
        UUID patientId,
        UUID doctorId,
        UUID clinicId,
        UUID serviceId,
        Instant startAt,
        Instant endAt,
        AppointmentStatus status,
        String reason,
        String cancellationReason,
        String price,
        String currency,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static AppointmentResponse of(Appointment appointment) {
        return new AppointmentResponse(
                appointment.id(),
                appointment.patientId(),
                appointment.doctorId(),
                appointment.clinicId(),
                appointment.serviceId(),
                appointment.startAt(),
                appointment.endAt(),
                appointment.status(),
                appointment.reason(),
                appointment.cancellationReason(),
                money(appointment.price(), appointment.currency()),
                appointment.currency(),
                appointment.version(),
                appointment.createdAt(),
                appointment.updatedAt());
    }

    static String money(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
