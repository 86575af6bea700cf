package org.clinicbooking.scheduling.appointment;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the appointment listing. {@code from} and {@code to} select appointments that
 * start in [from, to).
 */
record AppointmentFilter(
        UUID patientId, UUID doctorId, UUID clinicId, AppointmentStatus status, Instant from, Instant to) {

    /** The same filter narrowed to one patient, whatever patient the caller asked for. */
    AppointmentFilter forPatient(UUID id) {
        return new AppointmentFilter(id, doctorId, clinicId, status, from, to);
    }

    AppointmentFilter forDoctor(UUID id) {
        return new AppointmentFilter(patientId, id, clinicId, status, from, to);
    }

    String query() {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (patientId != null) {
            conditions.add("patientId = :patientId");
        }
        if (doctorId != null) {
            conditions.add("doctorId = :doctorId");
        }
        if (clinicId != null) {
            conditions.add("clinicId = :clinicId");
        }
        if (status != null) {
            conditions.add("status = :status");
        }
        if (from != null) {
            conditions.add("startAt >= :from");
        }
        if (to != null) {
            conditions.add("startAt < :to");
        }
        return String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (patientId != null) {
            parameters.and("patientId", patientId);
        }
        if (doctorId != null) {
            parameters.and("doctorId", doctorId);
        }
        if (clinicId != null) {
            parameters.and("clinicId", clinicId);
        }
        if (status != null) {
            parameters.and("status", status);
        }
        if (from != null) {
            parameters.and("from", from);
        }
        if (to != null) {
            parameters.and("to", to);
        }
        return parameters;
    }
}
