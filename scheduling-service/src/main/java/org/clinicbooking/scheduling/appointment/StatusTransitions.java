package org.clinicbooking.scheduling.appointment;

import static org.clinicbooking.scheduling.appointment.AppointmentStatus.BOOKED;
import static org.clinicbooking.scheduling.appointment.AppointmentStatus.CANCELLED;
import static org.clinicbooking.scheduling.appointment.AppointmentStatus.COMPLETED;
import static org.clinicbooking.scheduling.appointment.AppointmentStatus.CONFIRMED;
import static org.clinicbooking.scheduling.appointment.AppointmentStatus.NO_SHOW;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;

/**
 * The appointment state machine, by caller and time:
 *
 * <ul>
 *   <li>BOOKED to CONFIRMED: the doctor, staff;
 *   <li>CONFIRMED to COMPLETED: the doctor, staff;
 *   <li>BOOKED or CONFIRMED to CANCELLED: the doctor, staff, and the patient before the start;
 *   <li>CONFIRMED to NO_SHOW: the doctor, staff, once the start has passed.
 * </ul>
 *
 * COMPLETED, CANCELLED and NO_SHOW are final.
 */
final class StatusTransitions {

    private StatusTransitions() {}

    static boolean permitted(
            AppointmentStatus from, AppointmentStatus to, Participation who, Instant start, Instant now) {
        boolean clinician = who == Participation.DOCTOR || who == Participation.STAFF;
        boolean started = !now.isBefore(start);
        return switch (to) {
            case CONFIRMED -> from == BOOKED && clinician;
            case COMPLETED -> from == CONFIRMED && clinician;
            case CANCELLED -> from.isOpen() && (clinician || (who == Participation.PATIENT && !started));
            case NO_SHOW -> from == CONFIRMED && clinician && started;
            case BOOKED -> false;
        };
    }

    /** The statuses this caller may move the appointment to now, in the enum's order. */
    static Set<AppointmentStatus> allowed(Appointment appointment, Participation who, Instant now) {
        Set<AppointmentStatus> allowed = EnumSet.noneOf(AppointmentStatus.class);
        for (AppointmentStatus target : AppointmentStatus.values()) {
            if (permitted(appointment.status(), target, who, appointment.startAt(), now)) {
                allowed.add(target);
            }
        }
        return allowed;
    }

    /** Fails with 409 {@code invalid-transition}, naming the allowed targets, unless the change is permitted. */
    static void require(Appointment appointment, AppointmentStatus target, Participation who, Instant now) {
        if (permitted(appointment.status(), target, who, appointment.startAt(), now)) {
            return;
        }
        Set<AppointmentStatus> allowed = allowed(appointment, who, now);
        String allowedText =
                allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        throw new ProblemException(
                ProblemType.INVALID_TRANSITION,
                "Appointment " + appointment.id() + " cannot change from " + appointment.status() + " to " + target
                        + ". Allowed for you now: " + allowedText + ".",
                List.of(),
                Map.of(
                        "currentStatus", appointment.status().name(),
                        "allowed", allowed.stream().map(Enum::name).toList()));
    }
}
