package org.clinicbooking.user.clinic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clinicbooking.user.validation.IanaTimeZone;
import org.clinicbooking.user.validation.PhoneNumbers;

/** A clinic to create, or the full new state of one to update (PUT replaces every field). */
public record ClinicRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String address,
        @NotBlank @Size(max = 100) String city,

        @NotBlank @Pattern(regexp = PhoneNumbers.PATTERN, message = PhoneNumbers.MESSAGE)
        String phone,

        @NotBlank @IanaTimeZone String timeZone) {

    /** The same request with surrounding spaces removed from the free-text fields. */
    ClinicRequest normalized() {
        return new ClinicRequest(name.trim(), address.trim(), city.trim(), phone, timeZone);
    }
}
