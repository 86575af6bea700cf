package org.clinicbooking.billing.appointment;

/** The states scheduling-service moves an appointment through. Only {@code CANCELLED} matters to billing's rules. */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    COMPLETED,
    CANCELLED,
    NO_SHOW
}
