package org.clinicbooking.scheduling.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole new set of a doctor's weekly working intervals; it replaces the old one. */
public record WorkingHoursRequest(@NotNull @Size(max = 100) List<@NotNull @Valid WorkingInterval> intervals) {}
