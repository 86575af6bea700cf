package org.clinicbooking.user.doctor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A doctor profile for an existing, active user with the role DOCTOR. */
public record CreateDoctorRequest(
        @NotNull UUID userId,
        @NotNull UUID clinicId,
        @NotBlank @Size(max = 100) String specialization,
        @NotBlank @Size(max = 64) String licenseNumber,

        @NotNull @Min(value = 0, message = "must be 0 or more") @Max(value = 80, message = "must be at most 80")
        Integer yearsOfExperience,

        @Size(max = 2000) String bio) {

    DoctorDetails details() {
        return DoctorDetails.normalized(clinicId, specialization, licenseNumber, yearsOfExperience, bio);
    }
}
