package org.clinicbooking.scheduling.appointment;

import jakarta.validation.constraints.NotBlank;

/** A move of an appointment to a new start; the end follows from the service's duration. */
public record RescheduleRequest(@NotBlank String startAt) {}
