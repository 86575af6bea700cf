package org.clinicbooking.user.doctor;

import java.util.UUID;
import org.clinicbooking.user.account.User;

/** A doctor as the API and the doctor events show it: the profile with the user's name, email and active flag. */
public record DoctorResponse(
        UUID id,
        UUID clinicId,
        String fullName,
        String email,
        String specialization,
        String licenseNumber,
        int yearsOfExperience,
        String bio,
        boolean active) {

    public static DoctorResponse of(Doctor doctor, User user) {
        return new DoctorResponse(
                doctor.id(),
                doctor.clinicId(),
                user.fullName(),
                user.email(),
                doctor.specialization(),
                doctor.licenseNumber(),
                doctor.yearsOfExperience(),
                doctor.bio(),
                user.active());
    }
}
