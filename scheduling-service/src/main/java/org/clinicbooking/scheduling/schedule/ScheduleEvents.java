package org.clinicbooking.scheduling.schedule;

import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of a doctor's schedule; the subject is the doctor's id. */
final class ScheduleEvents {

    static final String WORKING_HOURS_CHANGED = "clinic.working-hours.changed";
    static final String TIME_OFF_CHANGED = "clinic.time-off.changed";

    private ScheduleEvents() {}

    static DomainEvent workingHoursChanged(UUID doctorId, List<WorkingInterval> intervals, Actor actor) {
        return new DomainEvent(
                WORKING_HOURS_CHANGED,
                "doctor-schedule",
                doctorId.toString(),
                new WorkingHoursChanged(doctorId, intervals),
                actor);
    }

    static DomainEvent timeOffChanged(UUID doctorId, List<TimeOffPeriod> periods, Actor actor) {
        return new DomainEvent(
                TIME_OFF_CHANGED, "doctor-schedule", doctorId.toString(), new TimeOffChanged(doctorId, periods), actor);
    }

    record WorkingHoursChanged(UUID doctorId, List<WorkingInterval> intervals) {}

    record TimeOffChanged(UUID doctorId, List<TimeOffPeriod> periods) {}
}
