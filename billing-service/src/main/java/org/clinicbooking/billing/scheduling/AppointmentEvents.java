package org.clinicbooking.billing.scheduling;

import java.util.Set;

/** The scheduling-service event types that carry an appointment ({@code AppointmentResponse} as data). */
final class AppointmentEvents {

    static final String CANCELLED = "clinic.appointment.cancelled";

    private static final Set<String> APPOINTMENT_CHANGES = Set.of(
            "clinic.appointment.booked",
            "clinic.appointment.rescheduled",
            "clinic.appointment.confirmed",
            "clinic.appointment.completed",
            CANCELLED,
            "clinic.appointment.no-show");

    private AppointmentEvents() {}

    static boolean isAppointmentChange(String type) {
        return APPOINTMENT_CHANGES.contains(type);
    }
}
