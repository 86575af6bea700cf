package org.clinicbooking.user.doctor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.user.medicalservice.MedicalService;
import org.clinicbooking.user.medicalservice.MedicalServiceRepository;
import org.clinicbooking.user.medicalservice.MedicalServiceResponse;
import org.jboss.logging.Logger;

/** The links between doctors and the medical services they offer. Linking and unlinking each publish one event. */
@ApplicationScoped
public class DoctorServiceLinks {

    private static final Logger LOG = Logger.getLogger(DoctorServiceLinks.class);
    private static final String UNIQUE_PAIR = "uq_doctor_service_link_pair";

    private final DoctorServiceLinkRepository links;
    private final DoctorRepository doctors;
    private final MedicalServiceRepository services;
    private final Outbox outbox;
    private final Clock clock;

    public DoctorServiceLinks(
            DoctorServiceLinkRepository links,
            DoctorRepository doctors,
            MedicalServiceRepository services,
            Outbox outbox,
            Clock clock) {
        this.links = links;
        this.doctors = doctors;
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Lists the services the doctor offers by name, inactive ones included with their flag. */
    @WithSession
    public Uni<List<MedicalServiceResponse>> servicesOf(UUID doctorId) {
        return checkDoctorExists(doctorId)
                .chain(() -> links.findByDoctor(doctorId))
                .chain(found -> services.findByIds(
                        found.stream().map(DoctorServiceLink::serviceId).toList()))
                .map(found -> found.stream().map(MedicalServiceResponse::of).toList());
    }

    /** Lets the doctor offer an active medical service; linking a pair twice is a conflict. */
    @WithTransaction
    public Uni<MedicalServiceResponse> link(UUID doctorId, UUID serviceId, Actor actor) {
        return checkDoctorExists(doctorId)
                .chain(() -> services.findById(serviceId))
                .invoke(service -> checkLinkable(service, serviceId))
                .call(() -> links.findPair(doctorId, serviceId).invoke(existing -> {
                    if (existing != null) {
                        throw alreadyLinked(doctorId, serviceId);
                    }
                }))
                .call(() -> links.persistAndFlush(new DoctorServiceLink(doctorId, serviceId, clock.instant())))
                .call(() -> outbox.append(DoctorEvents.link(DoctorEvents.SERVICE_LINKED, doctorId, serviceId, actor)))
                .invoke(() -> LOG.infof("Doctor %s now offers medical service %s", doctorId, serviceId))
                .map(MedicalServiceResponse::of)
                .onFailure(e -> SqlErrors.isDuplicateKey(e, UNIQUE_PAIR))
                .transform(e -> alreadyLinked(doctorId, serviceId));
    }

    /**
     * Stops the doctor offering the service. Of simultaneous unlinks of one pair the first
     * succeeds and the others get 404, as they would one after another.
     *
     * <p>The link is deleted by a query, not through the entity. With Quarkus 3.33.2 and Hibernate
     * Reactive 3.2.11, simultaneous entity deletes of one link failed with HR000069 (session used
     * from another thread) or left every request without a response until the request deadline.
     */
    public Uni<Void> unlink(UUID doctorId, UUID serviceId, Actor actor) {
        return Transactions.retryingConflicts(
                "unlink of medical service " + serviceId + " from doctor " + doctorId,
                () -> checkDoctorExists(doctorId)
                        .chain(() -> links.deletePair(doctorId, serviceId))
                        .invoke(deleted -> {
                            if (deleted == 0) {
                                throw new ProblemException(
                                        ProblemType.NOT_FOUND,
                                        "Doctor " + doctorId + " does not offer medical service " + serviceId + ".");
                            }
                        })
                        .call(() -> outbox.append(
                                DoctorEvents.link(DoctorEvents.SERVICE_UNLINKED, doctorId, serviceId, actor)))
                        .invoke(() -> LOG.infof("Doctor %s no longer offers medical service %s", doctorId, serviceId))
                        .replaceWithVoid());
    }

    private Uni<Void> checkDoctorExists(UUID doctorId) {
        return doctors.findById(doctorId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Doctor", doctorId))
                .replaceWithVoid();
    }

    private static void checkLinkable(MedicalService service, UUID serviceId) {
        if (service == null) {
            throw DoctorProblems.unusableReference("serviceId", "no medical service has the id " + serviceId);
        }
        if (!service.active()) {
            throw DoctorProblems.unusableReference("serviceId", "the medical service is inactive");
        }
    }

    private static ProblemException alreadyLinked(UUID doctorId, UUID serviceId) {
        return new ProblemException(
                ProblemType.DUPLICATE, "Doctor " + doctorId + " already offers medical service " + serviceId + ".");
    }
}
