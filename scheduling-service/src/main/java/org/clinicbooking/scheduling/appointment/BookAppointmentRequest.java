package org.clinicbooking.scheduling.appointment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A booking. {@code startAt} and {@code endAt} are ISO 8601 date-times with an offset, kept as
 * strings so that a value without one is rejected with a message naming the missing offset. {@code endAt} may
 * be left out; when given it must equal the start plus the service's duration. A patient leaves
 * {@code patientId} out or gives their own id; staff must give it.
 */
public record BookAppointmentRequest(
        UUID patientId,
        @NotNull UUID doctorId,
        @NotNull UUID serviceId,
        @NotBlank String startAt,
        String endAt,
        @Size(max = 1000) String reason) {}
