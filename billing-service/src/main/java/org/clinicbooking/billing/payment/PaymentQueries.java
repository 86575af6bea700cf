package org.clinicbooking.billing.payment;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.billing.appointment.Appointment;
import org.clinicbooking.billing.appointment.AppointmentReadModel;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;

/**
 * Reads payments with the access rules of {@link Appointment#isVisibleTo}: staff and admins
 * read all, a patient their own, a doctor those of their own appointments.
 */
@ApplicationScoped
public class PaymentQueries {

    private final PaymentRepository payments;
    private final AppointmentReadModel appointments;

    public PaymentQueries(PaymentRepository payments, AppointmentReadModel appointments) {
        this.payments = payments;
        this.appointments = appointments;
    }

    /** Emits the payment, or fails with 404, or 403 when it belongs to an appointment the actor may not see. */
    @WithSession
    public Uni<PaymentResponse> get(UUID id, Actor actor) {
        return payments.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Payment", id))
                .call(payment -> appointments.find(payment.appointmentId()).invoke(appointment -> {
                    if (appointment == null || !appointment.isVisibleTo(actor)) {
                        throw ProblemException.forbidden(
                                "You may read only payments of your own appointments, and payment " + id
                                        + " is not one of them.");
                    }
                }))
                .map(PaymentResponse::of);
    }

    /**
     * Lists payments newest first. A patient's listing is limited to their own payments (asking
     * for another patient's is 403), a doctor's to payments of appointments they are the doctor of.
     */
    @WithSession
    public Uni<Page<PaymentResponse>> list(
            UUID appointmentId, UUID patientId, PaymentStatus status, PageRequest page, Actor actor) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (actor.is(Role.PATIENT)) {
            if (patientId != null && !actor.isUser(patientId)) {
                throw ProblemException.forbidden("Patients may list only their own payments.");
            }
            patientId = actor.userId();
        }
        if (actor.is(Role.DOCTOR)) {
            conditions.add("appointmentId in (select a.id from Appointment a where a.doctorId = :doctorId)");
            parameters.and("doctorId", actor.userId());
        }
        if (appointmentId != null) {
            conditions.add("appointmentId = :appointmentId");
            parameters.and("appointmentId", appointmentId);
        }
        if (patientId != null) {
            conditions.add("patientId = :patientId");
            parameters.and("patientId", patientId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        Sort newestFirst = Sort.descending("paidAt", "id");
        var query = conditions.isEmpty()
                ? payments.findAll(newestFirst)
                : payments.find(String.join(" and ", conditions), newestFirst, parameters);
        return query.count()
                .chain(total -> query.page(page.page(), page.size())
                        .list()
                        .map(items -> Page.of(items, page, total).map(PaymentResponse::of)));
    }
}
