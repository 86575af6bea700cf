package org.clinicbooking.scheduling.schedule;

import java.time.Instant;

/** A period of time off as the API returns it and events carry it. */
public record TimeOffPeriod(Instant startAt, Instant endAt, String reason) {}
