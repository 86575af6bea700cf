package org.clinicbooking.user.clinic;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the clinic aggregate; their data is {@link ClinicResponse}. */
final class ClinicEvents {

    static final String CREATED = "clinic.clinic.created";
    static final String UPDATED = "clinic.clinic.updated";

    private ClinicEvents() {}

    static DomainEvent of(String type, Clinic clinic, Actor actor) {
        return new DomainEvent(type, "clinic", clinic.id().toString(), ClinicResponse.of(clinic), actor);
    }
}
