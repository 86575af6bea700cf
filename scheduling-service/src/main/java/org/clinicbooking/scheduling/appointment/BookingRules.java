package org.clinicbooking.scheduling.appointment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.kit.problem.Problem;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.scheduling.schedule.TimeOffRepository;
import org.clinicbooking.scheduling.schedule.TimeRange;
import org.clinicbooking.scheduling.schedule.WorkingHoursRepository;

/**
 * The checks of a booking that read the doctor's and the patient's current schedules. They run
 * inside the booking transaction after it holds the doctor's and the patient's locks, so what
 * they read cannot change before the appointment is stored.
 */
@ApplicationScoped
class BookingRules {

    private final AppointmentRepository appointments;
    private final WorkingHoursRepository workingHours;
    private final TimeOffRepository timeOff;

    BookingRules(AppointmentRepository appointments, WorkingHoursRepository workingHours, TimeOffRepository timeOff) {
        this.appointments = appointments;
        this.workingHours = workingHours;
        this.timeOff = timeOff;
    }

    /**
     * Fails with 422 when the slot is outside the doctor's working hours or overlaps their time
     * off. These reads are plain SELECTs: they are the transaction's first non-locking reads, so
     * InnoDB takes their snapshot after the doctor's lock was granted, and every change to hours
     * and time off takes that lock too.
     */
    Uni<Void> requireWorkingTime(BookingPlan plan) {
        UUID doctorId = plan.offer().doctorId();
        return workingHours
                .scheduleOf(doctorId)
                .invoke(schedule -> {
                    if (!schedule.covers(plan.slot(), plan.offer().zone())) {
                        throw new ProblemException(
                                ProblemType.UNPROCESSABLE,
                                "The slot " + plan.slot().start() + " to "
                                        + plan.slot().end()
                                        + " is outside the working hours of doctor " + doctorId + " (time zone "
                                        + plan.offer().zone() + ").",
                                List.of(new Problem.FieldError("startAt", "is outside the doctor's working hours")),
                                Map.of());
                    }
                })
                .chain(() -> timeOff.overlapping(doctorId, plan.slot()))
                .invoke(periods -> {
                    if (!periods.isEmpty()) {
                        TimeRange away = periods.get(0).range();
                        throw new ProblemException(
                                ProblemType.UNPROCESSABLE,
                                "Doctor " + doctorId + " is away from " + away.start() + " to " + away.end() + ".",
                                List.of(new Problem.FieldError("startAt", "falls in the doctor's time off")),
                                Map.of());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Fails with 409 {@code booking-conflict} when an active appointment of the doctor, or of the
     * patient with any doctor, overlaps the slot. The problem names the conflicting start and end.
     */
    Uni<Void> requireNoOverlap(BookingPlan plan, UUID appointmentId) {
        return appointments
                .doctorOverlap(plan.offer().doctorId(), plan.slot(), appointmentId)
                .invoke(conflict -> failIfConflict(conflict, "The doctor"))
                .chain(() -> appointments.patientOverlap(plan.patientId(), plan.slot(), appointmentId))
                .invoke(conflict -> failIfConflict(conflict, "The patient"))
                .replaceWithVoid();
    }

    private static void failIfConflict(TimeRange conflict, String whose) {
        if (conflict == null) {
            return;
        }
        String start = DateTimeFormatter.ISO_INSTANT.format(conflict.start());
        String end = DateTimeFormatter.ISO_INSTANT.format(conflict.end());
        throw new ProblemException(
                ProblemType.BOOKING_CONFLICT,
                whose + " already has an appointment from " + start + " to " + end + ". Choose another time.",
                List.of(),
                Map.of("conflictingStartAt", start, "conflictingEndAt", end));
    }
}
