package org.clinicbooking.clinical.appointment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Finds appointments for the clinical rules: in the read model first, and at scheduling-service
 * (with the caller's own token) when the read model lacks one because its event is still in
 * flight. What scheduling-service returns is stored, so the next request finds it locally.
 *
 * <p>Call these methods outside a session. Each opens its own, and no session is open during
 * the call to scheduling-service.
 */
@ApplicationScoped
public class AppointmentDirectory {

    private static final Logger LOG = Logger.getLogger(AppointmentDirectory.class);

    private final AppointmentRepository appointments;
    private final SchedulingClient scheduling;
    private final Clock clock;

    public AppointmentDirectory(
            AppointmentRepository appointments, @RestClient SchedulingClient scheduling, Clock clock) {
        this.appointments = appointments;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    /** Returns the appointment, from scheduling-service when the read model lacks it. Fails with 404 if neither has it. */
    public Uni<AppointmentSnapshot> find(UUID id, String bearerToken) {
        return Panache.withSession(() -> appointments.findById(id)).chain(stored -> {
            if (stored != null) {
                return Uni.createFrom().item(stored.snapshot());
            }
            LOG.infof("Appointment %s is not in the read model yet, requesting it from scheduling-service", id);
            return fetchAndStore(id, bearerToken);
        });
    }

    /**
     * Returns the appointment in one of the required statuses if scheduling-service already
     * moved it there. The read model lags behind scheduling-service by the time an event takes
     * to arrive, so a doctor who confirms an appointment and prescribes at once may still find
     * it BOOKED here. When the stored status can still reach a required one, this method
     * requests the appointment from scheduling-service once. If that call fails, the stored
     * state remains and the caller's rule rejects the request as it would without the refresh.
     */
    public Uni<AppointmentSnapshot> catchUp(
            AppointmentSnapshot known, Set<AppointmentStatus> required, String bearerToken) {
        if (required.contains(known.status()) || !known.status().canStillReach(required)) {
            return Uni.createFrom().item(known);
        }
        LOG.infof(
                "Appointment %s is %s in the read model, requesting a newer status from scheduling-service",
                known.id(), known.status());
        return fetchAndStore(known.id(), bearerToken).onFailure().recoverWithItem(error -> {
            LOG.warnf(
                    "Refreshing appointment %s from scheduling-service failed, keeping status %s: %s",
                    known.id(), known.status(), error.getMessage());
            return known;
        });
    }

    private Uni<AppointmentSnapshot> fetchAndStore(UUID id, String bearerToken) {
        return onCallerContext(scheduling.appointment(id, "Bearer " + bearerToken))
                .onFailure()
                .transform(error -> asProblem(id, error))
                .invoke(snapshot -> requireComplete(id, snapshot))
                .call(snapshot -> Panache.withTransaction(() -> appointments.upsert(snapshot, clock.instant())))
                .invoke(snapshot ->
                        LOG.infof("Stored appointment %s (%s) from scheduling-service", id, snapshot.status()));
    }

    // The REST client may complete on another thread than the one the request runs on, but
    // Hibernate Reactive's session must stay on the caller's Vert.x context (HR000069).
    private static <T> Uni<T> onCallerContext(Uni<T> call) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return call;
        }
        return call.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static void requireComplete(UUID id, AppointmentSnapshot snapshot) {
        if (snapshot == null
                || !id.equals(snapshot.id())
                || snapshot.patientId() == null
                || snapshot.doctorId() == null
                || snapshot.status() == null
                || snapshot.startAt() == null
                || snapshot.endAt() == null) {
            LOG.errorf("scheduling-service returned an incomplete appointment for id %s", id);
            throw new ProblemException(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "scheduling-service returned an incomplete appointment " + id + ". Try again later.");
        }
    }

    private static Throwable asProblem(UUID id, Throwable error) {
        if (error instanceof ProblemException) {
            return error;
        }
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return ProblemException.notFound("Appointment", id);
            }
            if (status == 403) {
                return ProblemException.forbidden("You may not read appointment " + id + ".");
            }
            LOG.warnf("scheduling-service answered %d for appointment %s", status, id);
        } else {
            LOG.warnf("Calling scheduling-service for appointment %s failed: %s", id, error.getMessage());
        }
        return new ProblemException(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "scheduling-service could not be asked about appointment " + id + ". Try again later.");
    }
}
