package org.clinicbooking.scheduling.schedule;

import java.util.List;
import java.util.UUID;

/** A doctor's weekly working intervals and the clinic time zone they are kept in. */
public record WorkingHoursResponse(UUID doctorId, String timeZone, List<WorkingInterval> intervals) {}
