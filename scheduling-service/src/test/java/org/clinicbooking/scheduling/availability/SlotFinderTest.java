package org.clinicbooking.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.clinicbooking.scheduling.schedule.TimeRange;
import org.clinicbooking.scheduling.schedule.WeeklySchedule;
import org.clinicbooking.scheduling.schedule.WorkingInterval;
import org.junit.jupiter.api.Test;

class SlotFinderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private static WeeklySchedule everyDay(String start, String end) {
        return new WeeklySchedule(Arrays.stream(DayOfWeek.values())
                .map(day -> new WorkingInterval(day, LocalTime.parse(start), LocalTime.parse(end)))
                .toList());
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::startAt).toList();
    }

    @Test
    void shouldSkipTheMissingHourOnSpringSunday() {
        LocalDate sunday = LocalDate.of(2027, 3, 14);
        List<Slot> slots = SlotFinder.freeSlots(
                everyDay("01:00", "04:00"), NEW_YORK, sunday, sunday, Duration.ofMinutes(60), List.of(), LONG_AGO);

        // 01:00 EST and 03:00 EDT: two hours of physical time, no 02:00.
        assertThat(starts(slots))
                .containsExactly(Instant.parse("2027-03-14T06:00:00Z"), Instant.parse("2027-03-14T07:00:00Z"));
    }

    @Test
    void shouldOfferRepeatedHourTwice() {
        LocalDate sunday = LocalDate.of(2027, 11, 7);
        List<Slot> slots = SlotFinder.freeSlots(
                everyDay("01:00", "02:00"), NEW_YORK, sunday, sunday, Duration.ofMinutes(30), List.of(), LONG_AGO);

        // 01:00 and 01:30 happen first in EDT and again in EST; each instant is offered once.
        assertThat(starts(slots))
                .containsExactly(
                        Instant.parse("2027-11-07T05:00:00Z"),
                        Instant.parse("2027-11-07T05:30:00Z"),
                        Instant.parse("2027-11-07T06:00:00Z"),
                        Instant.parse("2027-11-07T06:30:00Z"));
    }

    @Test
    void shouldStepByServiceDuration() {
        LocalDate monday = LocalDate.of(2027, 3, 1);
        List<Slot> slots = SlotFinder.freeSlots(
                everyDay("09:00", "10:40"),
                ZoneId.of("UTC"),
                monday,
                monday,
                Duration.ofMinutes(45),
                List.of(),
                LONG_AGO);

        assertThat(starts(slots))
                .containsExactly(Instant.parse("2027-03-01T09:00:00Z"), Instant.parse("2027-03-01T09:45:00Z"));
        assertThat(slots.get(1).endAt()).isEqualTo(Instant.parse("2027-03-01T10:30:00Z"));
    }

    @Test
    void shouldSkipBusyAndPastSlots() {
        LocalDate monday = LocalDate.of(2027, 3, 1);
        List<TimeRange> busy =
                List.of(new TimeRange(Instant.parse("2027-03-01T09:30:00Z"), Instant.parse("2027-03-01T10:00:00Z")));
        List<Slot> slots = SlotFinder.freeSlots(
                everyDay("09:00", "11:00"),
                ZoneId.of("UTC"),
                monday,
                monday,
                Duration.ofMinutes(30),
                busy,
                Instant.parse("2027-03-01T09:00:00Z"));

        assertThat(starts(slots))
                .containsExactly(Instant.parse("2027-03-01T10:00:00Z"), Instant.parse("2027-03-01T10:30:00Z"));
    }
}
