package org.clinicbooking.user.doctor;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A medical service for a doctor to offer. */
public record LinkServiceRequest(@NotNull UUID serviceId) {}
