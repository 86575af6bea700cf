package org.clinicbooking.scheduling.directory;

import java.time.ZoneId;
import java.util.UUID;

/** An active doctor, their clinic and an active medical service that the doctor offers. */
public record BookableOffer(DoctorAtClinic doctorAtClinic, MedicalService service) {

    public UUID doctorId() {
        return doctorAtClinic.doctorId();
    }

    public UUID clinicId() {
        return doctorAtClinic.clinic().id();
    }

    public ZoneId zone() {
        return doctorAtClinic.zone();
    }
}
