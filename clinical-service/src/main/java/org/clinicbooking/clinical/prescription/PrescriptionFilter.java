package org.clinicbooking.clinical.prescription;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;

/**
 * Which prescriptions a listing returns: the client's filters, narrowed to what the caller
 * may read. A null field does not filter.
 */
record PrescriptionFilter(UUID patientId, UUID doctorId, UUID appointmentId) {

    /**
     * Applies the read rules: a patient reads only their own prescriptions, a doctor only those
     * they issued, and staff and admins all of them. A patient asking for another patient's
     * prescriptions is rejected rather than answered with an empty page.
     */
    static PrescriptionFilter visibleTo(Actor actor, UUID patientId, UUID appointmentId) {
        if (actor.is(Role.PATIENT)) {
            if (patientId != null && !actor.isUser(patientId)) {
                throw ProblemException.forbidden("You may list only your own prescriptions.");
            }
            return new PrescriptionFilter(actor.userId(), null, appointmentId);
        }
        if (actor.is(Role.DOCTOR)) {
            // Only an appointment's doctor issues its prescriptions, so "issued by this doctor"
            // also covers "written at this doctor's appointments".
            return new PrescriptionFilter(patientId, actor.userId(), appointmentId);
        }
        return new PrescriptionFilter(patientId, null, appointmentId);
    }

    String query() {
        List<String> conditions = new ArrayList<>();
        if (patientId != null) {
            conditions.add("patientId = :patientId");
        }
        if (doctorId != null) {
            conditions.add("doctorId = :doctorId");
        }
        if (appointmentId != null) {
            conditions.add("appointmentId = :appointmentId");
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (patientId != null) {
            parameters.and("patientId", patientId);
        }
        if (doctorId != null) {
            parameters.and("doctorId", doctorId);
        }
        if (appointmentId != null) {
            parameters.and("appointmentId", appointmentId);
        }
        return parameters;
    }
}
