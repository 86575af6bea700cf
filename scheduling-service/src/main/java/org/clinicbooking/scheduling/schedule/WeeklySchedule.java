package org.clinicbooking.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clinicbooking.kit.problem.ProblemException;

/**
 * A doctor's weekly working hours in the clinic's time zone, and the instants they cover on a
 * given date. Daylight-saving changes are handled here:
 *
 * <ul>
 *   <li>a boundary at a wall-clock time that the change skips (02:30 on a spring-forward night)
 *       is taken as the moment of the change, so no window starts at a time that does not exist;
 *   <li>a boundary at a wall-clock time that occurs twice (02:30 on a fall-back night) is taken
 *       at its first occurrence for a start and its second for an end, so the window holds every
 *       instant whose wall-clock time lies within the interval.
 * </ul>
 */
public final class WeeklySchedule {

    private static final Comparator<WorkingInterval> BY_DAY_AND_START =
            Comparator.comparing(WorkingInterval::dayOfWeek).thenComparing(WorkingInterval::start);

    private final List<WorkingInterval> intervals;

    public WeeklySchedule(List<WorkingInterval> intervals) {
        this.intervals = intervals.stream().sorted(BY_DAY_AND_START).toList();
    }

    /**
     * Rejects intervals that end before they start or overlap another on the same day; intervals
     * that only touch (09:00 to 12:00 and 12:00 to 13:00) are accepted.
     */
    public static void validate(List<WorkingInterval> intervals) {
        for (int i = 0; i < intervals.size(); i++) {
            WorkingInterval interval = intervals.get(i);
            if (!interval.start().isBefore(interval.end())) {
                throw ProblemException.invalidField(
                        "intervals[" + i + "]", "start " + interval.start() + " must be before end " + interval.end());
            }
        }
        List<WorkingInterval> sorted =
                intervals.stream().sorted(BY_DAY_AND_START).toList();
        for (int i = 1; i < sorted.size(); i++) {
            WorkingInterval previous = sorted.get(i - 1);
            WorkingInterval current = sorted.get(i);
            if (previous.dayOfWeek() == current.dayOfWeek() && current.start().isBefore(previous.end())) {
                throw ProblemException.invalidField(
                        "intervals",
                        "on " + current.dayOfWeek() + " the interval " + previous.start() + "-" + previous.end()
                                + " overlaps " + current.start() + "-" + current.end());
            }
        }
    }

    public List<WorkingInterval> intervals() {
        return intervals;
    }

    /** The working windows of one local date, in order, as UTC instants. */
    public List<TimeRange> windowsOn(LocalDate date, ZoneId zone) {
        List<TimeRange> windows = new ArrayList<>();
        for (WorkingInterval interval : intervals) {
            if (interval.dayOfWeek() != date.getDayOfWeek()) {
                continue;
            }
            Instant start = startInstant(date.atTime(interval.start()), zone);
            Instant end = endInstant(date.atTime(interval.end()), zone);
            // A window that lies wholly inside a skipped hour has no instants at all.
            if (end.isAfter(start)) {
                windows.add(new TimeRange(start, end));
            }
        }
        return windows;
    }

    /** Whether one working window holds the whole range; a range that spans two windows does not fit. */
    public boolean covers(TimeRange range, ZoneId zone) {
        LocalDate date = range.start().atZone(zone).toLocalDate();
        return windowsOn(date, zone).stream().anyMatch(window -> window.contains(range));
    }

    private static Instant startInstant(LocalDateTime wallClock, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition == null) {
            return wallClock.atZone(zone).toInstant();
        }
        return transition.isGap()
                ? transition.getInstant()
                : wallClock.atOffset(transition.getOffsetBefore()).toInstant();
    }

    private static Instant endInstant(LocalDateTime wallClock, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition == null) {
            return wallClock.atZone(zone).toInstant();
        }
        return transition.isGap()
                ? transition.getInstant()
                : wallClock.atOffset(transition.getOffsetAfter()).toInstant();
    }
}
