package org.clinicbooking.demodata.importer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.demodata.synthea.SyntheaEncounter;
import org.clinicbooking.demodata.synthea.SyntheaMedication;

/** An encounter to import as an appointment, with the ids it maps to and its medications. */
record Visit(
        SyntheaEncounter encounter,
        UUID patientId,
        ImportedDoctor doctor,
        ImportedService service,
        List<SyntheaMedication> medications) {

    /** Returns the appointment's start: the encounter's start truncated to the minute, as clinics book whole minutes. */
    Instant startAt() {
        return encounter.start().truncatedTo(ChronoUnit.MINUTES);
    }

    /** Identifies the appointment among a patient's existing ones. */
    String appointmentKey() {
        return appointmentKey(doctor.id(), service.id(), startAt());
    }

    static String appointmentKey(UUID doctorId, UUID serviceId, Instant startAt) {
        return doctorId + "|" + serviceId + "|" + startAt;
    }
}
