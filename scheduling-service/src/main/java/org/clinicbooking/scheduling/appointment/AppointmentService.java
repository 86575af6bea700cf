package org.clinicbooking.scheduling.appointment;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
     * Moves the appointment along the state machine. The change is flushed here so that a
     * concurrent change of the same appointment fails its {@code @Version} check inside this
     * method and becomes 409 {@code concurrent-update}.
     */
    @WithTransaction
    public Uni<AppointmentResponse> changeStatus(UUID id, AppointmentStatus target, String reason, Actor actor) {
        Instant now = clock.instant();
        return find(id).invoke(appointment -> {
                    Participation who = Participation.require(appointment, actor);
                    StatusTransitions.require(appointment, target, who, now);
                    appointment.changeStatus(target, blankToNull(reason), now);
                })
                .call(() -> appointments.flush())
                .call(appointment -> outbox.append(AppointmentEvents.statusChanged(appointment, actor)))
                .invoke(appointment ->
                        LOG.infof("Appointment %s is now %s (by %s %s)", id, target, actor.role(), actor.userId()))
                .map(AppointmentResponse::of)
                .onFailure(OptimisticConflicts::isOptimisticConflict)
                .transform(OptimisticConflicts::concurrentUpdate);
    }

    private Uni<Appointment> find(UUID id) {
        return appointments.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Appointment", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
