package org.clinicbooking.scheduling.appointment;

import java.util.Optional;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;

/**
 * What the caller is to an appointment. A caller who is none of these does not learn that the
 * appointment exists: every request of theirs about it gets 404, as for an unknown id, so ids
 * cannot be probed. A caller who may see it but not do what they asked gets 403 or 409.
 */
enum Participation {
    PATIENT,
    DOCTOR,
    STAFF;

    static Optional<Participation> of(Appointment appointment, Actor actor) {
        if (actor.isClinicStaff()) {
            return Optional.of(STAFF);
        }
        if (actor.is(Role.DOCTOR) && actor.isUser(appointment.doctorId())) {
            return Optional.of(DOCTOR);
        }
        if (actor.is(Role.PATIENT) && actor.isUser(appointment.patientId())) {
            return Optional.of(PATIENT);
        }
        return Optional.empty();
    }

    /** Fails with 404 unless the caller takes part in the appointment or is clinic staff. */
    static Participation require(Appointment appointment, Actor actor) {
        return of(appointment, actor).orElseThrow(() -> ProblemException.notFound("Appointment", appointment.id()));
    }
}
