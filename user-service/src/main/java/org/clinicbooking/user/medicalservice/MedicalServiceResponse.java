package org.clinicbooking.user.medicalservice;

import java.math.RoundingMode;
import java.util.Currency;
import java.util.UUID;

/**
 * A medical service as the API and its events show it. {@code price} is a decimal string with
 * the currency's number of decimals ({@code "45.00"} for KES, {@code "4500"} for JPY).
 */
public record MedicalServiceResponse(
        UUID id,
        String code,
        String name,
        String description,
        int durationMinutes,
        String price,
        String currency,
        boolean active) {

    public static MedicalServiceResponse of(MedicalService service) {
        int decimals = Currency.getInstance(service.currency()).getDefaultFractionDigits();
        // The request check makes the stored price fit the currency's decimals, so this never rounds.
        String price =
                service.price().setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
        return new MedicalServiceResponse(
                service.id(),
                service.code(),
                service.name(),
                service.description(),
                service.durationMinutes(),
                price,
                service.currency(),
                service.active());
    }
}
