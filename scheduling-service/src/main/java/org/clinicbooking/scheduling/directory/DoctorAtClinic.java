package org.clinicbooking.scheduling.directory;

import java.time.ZoneId;
import java.util.UUID;

/** A doctor with the clinic they work at, whose time zone their working hours are kept in. */
public record DoctorAtClinic(Doctor doctor, Clinic clinic) {

    public UUID doctorId() {
        return doctor.id();
    }

    public ZoneId zone() {
        return clinic.zone();
    }
}
