package org.clinicbooking.clinical.prescription;

import java.time.Instant;
import java.util.UUID;

/** A prescription as the API and the {@code clinic.prescription.issued} event show it. */
public record PrescriptionResponse(
        UUID id,
        UUID appointmentId,
        UUID doctorId,
        UUID patientId,
        String medication,
        String rxNormCode,
        String dosage,
        String frequency,
        int durationDays,
        String instructions,
        Instant issuedAt) {

    public static PrescriptionResponse of(Prescription prescription) {
        return new PrescriptionResponse(
                prescription.id(),
                prescription.appointmentId(),
                prescription.doctorId(),
                prescription.patientId(),
                prescription.medication(),
                prescription.rxNormCode(),
                prescription.dosage(),
                prescription.frequency(),
                prescription.durationDays(),
                prescription.instructions(),
                prescription.issuedAt());
    }
}
