package org.clinicbooking.user.doctor;

import java.util.UUID;

/**
 * The fields of a doctor profile that requests set, trimmed: a blank bio is stored as none.
 * Two values are equal when an update would change nothing.
 */
public record DoctorDetails(
        UUID clinicId, String specialization, String licenseNumber, int yearsOfExperience, String bio) {

    static DoctorDetails normalized(
            UUID clinicId, String specialization, String licenseNumber, int yearsOfExperience, String bio) {
        return new DoctorDetails(
                clinicId,
                specialization.trim(),
                licenseNumber.trim(),
                yearsOfExperience,
                bio == null || bio.isBlank() ? null : bio.trim());
    }
}
