package org.clinicbooking.scheduling.appointment;

import java.util.EnumSet;
import java.util.Set;

public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    /** The statuses that hold the doctor's and the patient's time: no two of them may overlap. */
    public static final Set<AppointmentStatus> ACTIVE = EnumSet.of(BOOKED, CONFIRMED, COMPLETED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /** Whether the appointment still lies ahead of the clinic: it can be moved or cancelled. */
    public boolean isOpen() {
        return this == BOOKED || this == CONFIRMED;
    }
}
