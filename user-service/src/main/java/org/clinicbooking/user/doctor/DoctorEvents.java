package org.clinicbooking.user.doctor;

import java.util.UUID;
import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.user.account.User;

/**
 * The events of the doctor aggregate. Profile events carry {@link DoctorResponse}; link events
 * carry {@link ServiceLinkData}. All have the doctor id as subject, so they stay in order.
 */
final class DoctorEvents {

    static final String CREATED = "clinic.doctor.created";
    static final String UPDATED = "clinic.doctor.updated";
    static final String SERVICE_LINKED = "clinic.doctor-service.linked";
    static final String SERVICE_UNLINKED = "clinic.doctor-service.unlinked";

    private static final String AGGREGATE_TYPE = "doctor";

    private DoctorEvents() {}

    static DomainEvent of(String type, Doctor doctor, User user, Actor actor) {
        return new DomainEvent(type, AGGREGATE_TYPE, doctor.id().toString(), DoctorResponse.of(doctor, user), actor);
    }

    static DomainEvent link(String type, UUID doctorId, UUID serviceId, Actor actor) {
        return new DomainEvent(
                type, AGGREGATE_TYPE, doctorId.toString(), new ServiceLinkData(doctorId, serviceId), actor);
    }

    /** The data of the link events. */
    public record ServiceLinkData(UUID doctorId, UUID serviceId) {}
}
