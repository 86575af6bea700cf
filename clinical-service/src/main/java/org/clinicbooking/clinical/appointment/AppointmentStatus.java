package org.clinicbooking.clinical.appointment;

import java.util.Set;

/** An appointment's status, as scheduling-service's state machine defines it. */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    /**
     * Tells whether an appointment in this status can still reach one of the target statuses,
     * in which case scheduling-service may have a newer state than the read model shows.
     */
    public boolean canStillReach(Set<AppointmentStatus> targets) {
        return switch (this) {
            case BOOKED -> targets.contains(CONFIRMED) || targets.contains(COMPLETED);
            case CONFIRMED -> targets.contains(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }
}
