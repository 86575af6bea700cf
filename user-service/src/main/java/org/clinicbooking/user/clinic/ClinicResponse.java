package org.clinicbooking.user.clinic;

import java.util.UUID;

/** A clinic as the API and the clinic events show it. */
public record ClinicResponse(UUID id, String name, String address, String city, String phone, String timeZone) {

    public static ClinicResponse of(Clinic clinic) {
        return new ClinicResponse(
                clinic.id(), clinic.name(), clinic.address(), clinic.city(), clinic.phone(), clinic.timeZone());
    }
}
