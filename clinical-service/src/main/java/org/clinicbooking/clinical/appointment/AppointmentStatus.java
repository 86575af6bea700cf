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
     * Whether an appointment in this status can still reach one of the given statuses, so a
     * newer state may exist at scheduling-service than the read model shows.
     */
    public boolean canStillReach(Set<AppointmentStatus> wanted) {
        return switch (this) {
            case BOOKED -> wanted.contains(CONFIRMED) || wanted.contains(COMPLETED);
            case CONFIRMED -> wanted.contains(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }
}
