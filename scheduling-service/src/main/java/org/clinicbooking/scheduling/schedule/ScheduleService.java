package org.clinicbooking.scheduling.schedule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.scheduling.InputFormats;
import org.clinicbooking.scheduling.directory.Directory;
import org.clinicbooking.scheduling.directory.DoctorAtClinic;
import org.jboss.logging.Logger;

/**
 * Reads and replaces a doctor's working hours and time off. Only the doctor themself and clinic
 * staff may do either. A replacement takes the doctor's booking lock, so a booking that checks
 * the hours reads either the old set or the new one, never a mix. The client sends no version, so
 * simultaneous replacements are applied one after another and the last one wins.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);

    private final Directory directory;
    private final WorkingHoursRepository workingHours;
    private final TimeOffRepository timeOff;
    private final BookingLocks locks;
    private final Outbox outbox;

    public ScheduleService(
            Directory directory,
            WorkingHoursRepository workingHours,
            TimeOffRepository timeOff,
            BookingLocks locks,
            Outbox outbox) {
        this.directory = directory;
        this.workingHours = workingHours;
        this.timeOff = timeOff;
        this.locks = locks;
        this.outbox = outbox;
    }

    public Uni<WorkingHoursResponse> workingHours(UUID doctorId, Actor actor, String bearerToken) {
        requireOwnerOrStaff(doctorId, actor);
        return existingDoctor(doctorId, bearerToken)
                .chain(doctor -> Panache.withSession(() -> workingHours.scheduleOf(doctorId))
                        .map(schedule -> new WorkingHoursResponse(
                                doctorId, doctor.clinic().timeZone(), schedule.intervals())));
    }

    public Uni<WorkingHoursResponse> replaceWorkingHours(
            UUID doctorId, WorkingHoursRequest request, Actor actor, String bearerToken) {
        requireOwnerOrStaff(doctorId, actor);
        WeeklySchedule.validate(request.intervals());
        WeeklySchedule schedule = new WeeklySchedule(request.intervals());
        return existingDoctor(doctorId, bearerToken)
                .call(() -> locks.createRows(doctorId, null))
                .call(() -> Transactions.retryingConflicts(
                        "replacement of the working hours of doctor " + doctorId,
                        () -> replaceWorkingHoursInTransaction(doctorId, schedule, actor)))
                .invoke(() -> LOG.infof(
                        "Replaced working hours of doctor %s: %d intervals",
                        doctorId, schedule.intervals().size()))
                .map(doctor ->
                        new WorkingHoursResponse(doctorId, doctor.clinic().timeZone(), schedule.intervals()));
    }

    /**
     * Deletes the doctor's rows and inserts the new ones. Both statements lock index gaps next to
     * the doctor's rows, so replacements for two doctors with no rows yet can deadlock.
     */
    private Uni<String> replaceWorkingHoursInTransaction(UUID doctorId, WeeklySchedule schedule, Actor actor) {
        // New rows on each attempt, so that no entity of a rolled-back attempt is persisted again.
        List<WorkingHours> rows = schedule.intervals().stream()
                .map(interval -> new WorkingHours(doctorId, interval))
                .toList();
        return locks.lockDoctor(doctorId)
                .chain(() -> workingHours.deleteAllOf(doctorId))
                .chain(() -> workingHours.persistAll(rows))
                .chain(() -> outbox.append(ScheduleEvents.workingHoursChanged(doctorId, schedule.intervals(), actor)));
    }

    public Uni<TimeOffResponse> timeOff(UUID doctorId, Actor actor, String bearerToken) {
        requireOwnerOrStaff(doctorId, actor);
        return existingDoctor(doctorId, bearerToken)
                .chain(() -> Panache.withSession(() -> timeOff.allOf(doctorId)))
                .map(rows -> new TimeOffResponse(
                        doctorId, rows.stream().map(TimeOff::period).toList()));
    }

    public Uni<TimeOffResponse> replaceTimeOff(UUID doctorId, TimeOffRequest request, Actor actor, String bearerToken) {
        requireOwnerOrStaff(doctorId, actor);
        List<TimeOffPeriod> periods = parse(request);
        return existingDoctor(doctorId, bearerToken)
                .call(() -> locks.createRows(doctorId, null))
                .call(() -> Transactions.retryingConflicts(
                        "replacement of the time off of doctor " + doctorId,
                        () -> replaceTimeOffInTransaction(doctorId, periods, actor)))
                .invoke(() -> LOG.infof("Replaced time off of doctor %s: %d periods", doctorId, periods.size()))
                .map(ignored -> new TimeOffResponse(doctorId, periods));
    }

    /** Deletes the doctor's rows and inserts the new ones, which can deadlock as for the working hours. */
    private Uni<String> replaceTimeOffInTransaction(UUID doctorId, List<TimeOffPeriod> periods, Actor actor) {
        List<TimeOff> rows =
                periods.stream().map(period -> new TimeOff(doctorId, period)).toList();
        return locks.lockDoctor(doctorId)
                .chain(() -> timeOff.deleteAllOf(doctorId))
                .chain(() -> timeOff.persistAll(rows))
                .chain(() -> outbox.append(ScheduleEvents.timeOffChanged(doctorId, periods, actor)));
    }

    /** Rejects with 403 anyone but the doctor themself, staff and admins. */
    static void requireOwnerOrStaff(UUID doctorId, Actor actor) {
        if (actor.isClinicStaff() || (actor.is(Role.DOCTOR) && actor.isUser(doctorId))) {
            return;
        }
        throw ProblemException.forbidden("Only the doctor themself and clinic staff may read or change this schedule.");
    }

    private Uni<DoctorAtClinic> existingDoctor(UUID doctorId, String bearerToken) {
        return directory
                .doctorAtClinic(doctorId, bearerToken)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Doctor", doctorId));
    }

    private static List<TimeOffPeriod> parse(TimeOffRequest request) {
        List<TimeOffPeriod> periods = new ArrayList<>();
        for (int i = 0; i < request.periods().size(); i++) {
            TimeOffRequest.Period period = request.periods().get(i);
            String field = "periods[" + i + "]";
            Instant start = InputFormats.instantWithOffset(field + ".startAt", period.startAt());
            Instant end = InputFormats.instantWithOffset(field + ".endAt", period.endAt());
            if (!end.isAfter(start)) {
                throw ProblemException.invalidField(field + ".endAt", "must be after startAt");
            }
            periods.add(new TimeOffPeriod(start, end, blankToNull(period.reason())));
        }
        periods.sort(java.util.Comparator.comparing(TimeOffPeriod::startAt));
        return periods;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
