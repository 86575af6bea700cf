package org.clinicbooking.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.user.validation.PhoneNumbers;

/**
 * The new profile of a user. PUT replaces the profile: a missing {@code phone} or
 * {@code dateOfBirth} clears it. {@code email} and {@code role} left out (null) stay as they are;
 * only an admin may send values that differ from the current ones.
 */
public record UpdateUserRequest(
        @NotBlank @Size(max = 200) String fullName,

        @Pattern(regexp = PhoneNumbers.PATTERN, message = PhoneNumbers.MESSAGE)
        String phone,

        @Past(message = "must be in the past") LocalDate dateOfBirth,
        @Email @Size(max = 254) String email,
        Role role) {}
