package org.clinicbooking.scheduling.availability;

import java.util.List;
import java.util.UUID;

/** The free slots of a doctor for one service; {@code timeZone} is the clinic's, for display. */
public record AvailabilityResponse(UUID doctorId, UUID serviceId, String timeZone, List<Slot> slots) {}
