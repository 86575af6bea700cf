package org.clinicbooking.user.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicbooking.kit.security.Role;

/** A user as the API shows it: never with the password hash. */
public record UserResponse(
        UUID id,
        String email,
        String fullName,
        String phone,
        Role role,
        LocalDate dateOfBirth,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public static UserResponse of(User user) {
        return new UserResponse(
                user.id(),
                user.email(),
                user.fullName(),
                user.phone(),
                user.role(),
                user.dateOfBirth(),
                user.active(),
                user.createdAt(),
                user.updatedAt());
    }
}
