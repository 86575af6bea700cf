package org.clinicbooking.scheduling.appointment;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the appointment aggregate; each carries the appointment as the API shows it. */
final class AppointmentEvents {

    static final String BOOKED = "clinic.appointment.booked";
    static final String RESCHEDULED = "clinic.appointment.rescheduled";

    private AppointmentEvents() {}

    static DomainEvent booked(Appointment appointment, Actor actor) {
        return of(BOOKED, appointment, actor);
    }

    static DomainEvent rescheduled(Appointment appointment, Actor actor) {
        return of(RESCHEDULED, appointment, actor);
    }

    /** The event of a status change: confirmed, completed, cancelled or no-show. */
    static DomainEvent statusChanged(Appointment appointment, Actor actor) {
        String type = switch (appointment.status()) {
            case CONFIRMED -> "clinic.appointment.confirmed";
            case COMPLETED -> "clinic.appointment.completed";
            case CANCELLED -> "clinic.appointment.cancelled";
            case NO_SHOW -> "clinic.appointment.no-show";
            case BOOKED -> throw new IllegalArgumentException("No appointment changes back to BOOKED");
        };
        return of(type, appointment, actor);
    }

    private static DomainEvent of(String type, Appointment appointment, Actor actor) {
        return new DomainEvent(
                type, "appointment", appointment.id().toString(), AppointmentResponse.of(appointment), actor);
    }
}
