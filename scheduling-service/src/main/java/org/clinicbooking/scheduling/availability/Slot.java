package org.clinicbooking.scheduling.availability;

import java.time.Instant;

/** A free slot, in UTC. */
public record Slot(Instant startAt, Instant endAt) {}
