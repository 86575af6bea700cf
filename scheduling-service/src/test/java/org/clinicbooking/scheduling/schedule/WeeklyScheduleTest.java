package org.clinicbooking.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.clinicbooking.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Working windows in New York, where the clocks change at 02:00 on a Sunday in March and November. */
class WeeklyScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate SPRING_SUNDAY = LocalDate.of(2027, 3, 14);
    private static final LocalDate AUTUMN_SUNDAY = LocalDate.of(2027, 11, 7);

    private static WeeklySchedule sundays(String start, String end) {
        return new WeeklySchedule(
                List.of(new WorkingInterval(DayOfWeek.SUNDAY, LocalTime.parse(start), LocalTime.parse(end))));
    }

    @Test
    void shouldShortenWindowOnSpringSunday() {
        List<TimeRange> windows = sundays("01:00", "05:00").windowsOn(SPRING_SUNDAY, NEW_YORK);

        assertThat(windows)
                .containsExactly(
                        new TimeRange(Instant.parse("2027-03-14T06:00:00Z"), Instant.parse("2027-03-14T09:00:00Z")));
    }

    @Test
    void shouldLengthenWindowOnAutumnSunday() {
        List<TimeRange> windows = sundays("01:00", "05:00").windowsOn(AUTUMN_SUNDAY, NEW_YORK);

        assertThat(windows)
                .containsExactly(
                        new TimeRange(Instant.parse("2027-11-07T05:00:00Z"), Instant.parse("2027-11-07T10:00:00Z")));
    }

    @Test
    void shouldMoveSkippedStartToChange() {
        List<TimeRange> windows = sundays("02:30", "04:00").windowsOn(SPRING_SUNDAY, NEW_YORK);

        // 03:00 EDT, the first wall-clock time after the skipped hour, is 07:00 UTC.
        assertThat(windows)
                .containsExactly(
                        new TimeRange(Instant.parse("2027-03-14T07:00:00Z"), Instant.parse("2027-03-14T08:00:00Z")));
    }

    @Test
    void shouldDropWindowInsideSkippedHour() {
        assertThat(sundays("02:00", "02:45").windowsOn(SPRING_SUNDAY, NEW_YORK)).isEmpty();
    }

    @Test
    void shouldTakeRepeatedEndAtItsSecondOccurrence() {
        List<TimeRange> windows = sundays("00:30", "01:30").windowsOn(AUTUMN_SUNDAY, NEW_YORK);

        // 00:30 EDT to 01:30 EST: two hours of physical time.
        assertThat(windows)
                .containsExactly(
                        new TimeRange(Instant.parse("2027-11-07T04:30:00Z"), Instant.parse("2027-11-07T06:30:00Z")));
    }

    @Test
    void shouldCoverOnlyRangesInsideOneWindow() {
        WeeklySchedule schedule = new WeeklySchedule(List.of(
                new WorkingInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingInterval(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0))));
        ZoneId nairobi = ZoneId.of("Africa/Nairobi");

        assertThat(schedule.covers(range("2027-03-01T06:00:00Z", "2027-03-01T09:00:00Z"), nairobi))
                .isTrue();
        assertThat(schedule.covers(range("2027-03-01T08:30:00Z", "2027-03-01T09:30:00Z"), nairobi))
                .isFalse();
        assertThat(schedule.covers(range("2027-03-01T05:59:00Z", "2027-03-01T06:30:00Z"), nairobi))
                .isFalse();
        assertThat(schedule.covers(range("2027-03-02T06:00:00Z", "2027-03-02T06:30:00Z"), nairobi))
                .isFalse();
    }

    @Test
    void shouldRejectOverlappingOrBackwardsIntervals() {
        assertThatThrownBy(() -> WeeklySchedule.validate(List.of(
                        new WorkingInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new WorkingInterval(DayOfWeek.MONDAY, LocalTime.of(11, 59), LocalTime.of(13, 0)))))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> WeeklySchedule.validate(
                        List.of(new WorkingInterval(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(9, 0)))))
                .isInstanceOf(ProblemException.class);
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }
}
