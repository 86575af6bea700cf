package org.clinicbooking.billing.appointment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Finds the appointment a request is about, in the read model when it contains the
 * appointment. Otherwise (its event is still in flight) it requests the appointment from
 * scheduling-service with the caller's token and stores the response before the request
 * carries on.
 */
@ApplicationScoped
public class AppointmentDirectory {

    private static final Logger LOG = Logger.getLogger(AppointmentDirectory.class);

    private final AppointmentReadModel readModel;
    private final SchedulingClient scheduling;

    public AppointmentDirectory(AppointmentReadModel readModel, @RestClient SchedulingClient scheduling) {
        this.readModel = readModel;
        this.scheduling = scheduling;
    }

    /**
     * Emits the appointment, or fails with 404 when scheduling-service does not know it, 403
     * when it does not show it to the caller, and 503 when it cannot be reached.
     */
    public Uni<Appointment> require(UUID id, String bearerToken) {
        return readModel.find(id).onItem().ifNull().switchTo(() -> fetchAndStore(id, bearerToken));
    }

    private Uni<Appointment> fetchAndStore(UUID id, String bearerToken) {
        return scheduling
                .appointment(id, "Bearer " + bearerToken)
                .onFailure()
                .transform(error -> translate(id, error))
                .chain(facts -> {
                    List<String> defects = facts == null ? List.of("the body is empty") : facts.defects();
                    if (!defects.isEmpty() || !id.equals(facts.id())) {
                        LOG.warnf("scheduling-service sent an unusable appointment %s: %s", id, defects);
                        return Uni.createFrom().failure(unavailable(id));
                    }
                    LOG.infof("Read appointment %s from scheduling-service, version %d", id, facts.version());
                    return readModel.store(facts);
                })
                .chain(() -> readModel.find(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Appointment", id));
    }

    private static Throwable translate(UUID id, Throwable error) {
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return ProblemException.notFound("Appointment", id);
            }
            if (status == 401 || status == 403) {
                return ProblemException.forbidden("scheduling-service does not show you appointment " + id + ".");
            }
            LOG.warnf("scheduling-service returned %d for appointment %s", status, id);
        } else {
            LOG.warnf("scheduling-service could not be reached for appointment %s: %s", id, error.getMessage());
        }
        return unavailable(id);
    }

    private static ProblemException unavailable(UUID id) {
        return new ProblemException(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "Appointment " + id + " is not known here yet and scheduling-service could not provide it."
                        + " Try again in a moment.");
    }
}
