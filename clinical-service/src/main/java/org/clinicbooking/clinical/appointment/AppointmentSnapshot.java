package org.clinicbooking.clinical.appointment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The facts of one appointment that the clinical rules need, as scheduling-service last
 * reported them. It is the part of scheduling-service's {@code AppointmentResponse} that this
 * service reads, so the other fields of that response are ignored.
 *
 * @param version scheduling-service's version of the appointment; a higher one is newer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentSnapshot(
        UUID id,
        UUID patientId,
        UUID doctorId,
        AppointmentStatus status,
        Instant startAt,
        Instant endAt,
        long version) {

    public boolean isPatient(UUID userId) {
        return patientId.equals(userId);
    }

    public boolean isDoctor(UUID userId) {
        return doctorId.equals(userId);
    }
}
