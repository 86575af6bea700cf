package org.clinicbooking.user.medicalservice;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the medical service aggregate; their data is {@link MedicalServiceResponse}. */
final class MedicalServiceEvents {

    static final String CREATED = "clinic.medical-service.created";
    static final String UPDATED = "clinic.medical-service.updated";

    private MedicalServiceEvents() {}

    static DomainEvent of(String type, MedicalService service, Actor actor) {
        return new DomainEvent(
                type, "medical-service", service.id().toString(), MedicalServiceResponse.of(service), actor);
    }
}
