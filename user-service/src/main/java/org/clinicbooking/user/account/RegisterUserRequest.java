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
 * A registration. {@code role} may be left out by a patient registering themself; any other
 * role needs an admin's token.
 */
public record RegisterUserRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotBlank @Size(min = 10, max = 128, message = "must be between 10 and 128 characters")
        String password,

        @NotBlank @Size(max = 200) String fullName,

        @Pattern(regexp = PhoneNumbers.PATTERN, message = PhoneNumbers.MESSAGE)
        String phone,

        @Past(message = "must be in the past") LocalDate dateOfBirth,
        Role role) {}
