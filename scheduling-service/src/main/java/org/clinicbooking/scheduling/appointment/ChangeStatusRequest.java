package org.clinicbooking.scheduling.appointment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A status change; {@code reason} is stored as the cancellation reason when the target is CANCELLED. */
public record ChangeStatusRequest(
        @NotNull AppointmentStatus status, @Size(max = 1000) String reason) {}
