package org.clinicbooking.scheduling.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole new set of a doctor's time off; it replaces the old one. */
public record TimeOffRequest(@NotNull @Size(max = 500) List<@NotNull @Valid Period> periods) {

    /**
     * One period. The instants are strings so that a value without an offset is rejected with a
     * message that says so.
     */
    public record Period(
            String startAt, String endAt, @Size(max = 500) String reason) {}
}
