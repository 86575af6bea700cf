package org.clinicbooking.scheduling.appointment;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.kit.transaction.Transactions;
import org.jboss.logging.Logger;

/** Reads appointments and changes their status, with the object-level access rules. */
@ApplicationScoped
public class AppointmentService {

    private static final Logger LOG = Logger.getLogger(AppointmentService.class);

    private final AppointmentRepository appointments;
    private final Outbox outbox;
    private final Clock clock;

    public AppointmentService(AppointmentRepository appointments, Outbox outbox, Clock clock) {
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<AppointmentResponse> get(UUID id, Actor actor) {
        return find(id).invoke(appointment -> Participation.require(appointment, actor))
                .map(AppointmentResponse::of);
    }

    /** Lists appointments; a patient gets only their own and a doctor only theirs, whatever the filter says. */
    @WithSession
    public Uni<Page<AppointmentResponse>> list(AppointmentFilter filter, PageRequest page, Actor actor) {
        AppointmentFilter visible = filter;
        if (actor.is(Role.PATIENT)) {
            visible = filter.forPatient(actor.userId());
        } else if (actor.is(Role.DOCTOR)) {
            visible = filter.forDoctor(actor.userId());
        }
        return appointments.search(visible, page).map(result -> result.map(AppointmentResponse::of));
    }

    /**
     * Moves the appointment along the state machine. The client sends no version, so a change
     * that loses the {@code @Version} check to a concurrent change runs again on the committed
     * state, where the state machine allows it or rejects it with 409 {@code invalid-transition}.
     */
    public Uni<AppointmentResponse> changeStatus(UUID id, AppointmentStatus target, String reason, Actor actor) {
        return Transactions.retryingConflicts(
                "status change of appointment " + id + " to " + target,
                () -> changeStatusInTransaction(id, target, reason, actor));
    }

    private Uni<AppointmentResponse> changeStatusInTransaction(
            UUID id, AppointmentStatus target, String reason, Actor actor) {
        Instant now = clock.instant();
        return find(id).invoke(appointment -> {
                    Participation who = Participation.require(appointment, actor);
                    StatusTransitions.require(appointment, target, who, now);
                    appointment.changeStatus(target, blankToNull(reason), now);
                })
                // Flushing here makes a lost @Version check fail inside the retried work.
                .call(() -> appointments.flush())
                .call(appointment -> outbox.append(AppointmentEvents.statusChanged(appointment, actor)))
                .invoke(appointment ->
                        LOG.infof("Appointment %s is now %s (by %s %s)", id, target, actor.role(), actor.userId()))
                .map(AppointmentResponse::of);
    }

    private Uni<Appointment> find(UUID id) {
        return appointments.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Appointment", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
