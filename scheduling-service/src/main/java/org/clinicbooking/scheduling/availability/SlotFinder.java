package org.clinicbooking.scheduling.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.clinicbooking.scheduling.schedule.TimeRange;
import org.clinicbooking.scheduling.schedule.WeeklySchedule;

/**
 * Cuts a doctor's working windows into slots of one service's length and keeps the free ones.
 *
 * <p>Slots start at the beginning of each working window and follow each other back to back:
 * the step is the service's duration, so a 30-minute service offers 09:00, 09:30, 10:00. The
 * step is taken on the UTC time line, not on the wall clock, so on a daylight-saving day no
 * slot starts at a wall-clock time that does not exist and no instant is offered twice; the
 * repeated hour of an autumn change is two distinct hours and both are offered when the
 * working window covers them. A slot is free when it starts after {@code now} and overlaps
 * neither time off nor an active appointment (touching is fine).
 */
final class SlotFinder {

    private SlotFinder() {}

    static List<Slot> freeSlots(
            WeeklySchedule schedule,
            ZoneId zone,
            LocalDate from,
            LocalDate to,
            Duration length,
            List<TimeRange> busy,
            Instant now) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (TimeRange window : schedule.windowsOn(date, zone)) {
                for (Instant start = window.start();
                        !start.plus(length).isAfter(window.end());
                        start = start.plus(length)) {
                    TimeRange slot = TimeRange.of(start, length);
                    if (start.isAfter(now) && busy.stream().noneMatch(slot::overlaps)) {
                        slots.add(new Slot(slot.start(), slot.end()));
                    }
                }
            }
        }
        return slots;
    }
}
