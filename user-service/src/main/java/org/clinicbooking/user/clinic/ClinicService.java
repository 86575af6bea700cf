package org.clinicbooking.user.clinic;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.user.listing.Criteria;
import org.jboss.logging.Logger;

/** Creates, updates and lists clinics; each change publishes a clinic event. */
@ApplicationScoped
public class ClinicService {

    private static final Logger LOG = Logger.getLogger(ClinicService.class);

    private final ClinicRepository clinics;
    private final Outbox outbox;
    private final Clock clock;

    public ClinicService(ClinicRepository clinics, Outbox outbox, Clock clock) {
        this.clinics = clinics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Lists clinics by name.
     *
     * @param city exact city, ignoring case; null for every city
     * @param namePrefix start of the name, ignoring case; null or blank for every name
     */
    @WithSession
    public Uni<Page<ClinicResponse>> list(String city, String namePrefix, PageRequest page) {
        Criteria criteria = new Criteria()
                .and("city = :city", "city", city == null || city.isBlank() ? null : city.trim())
                .startsWith("name", "namePrefix", namePrefix);
        return clinics.search(criteria, page)
                .chain(found -> clinics.count(criteria)
                        .map(total ->
                                Page.of(found.stream().map(ClinicResponse::of).toList(), page, total)));
    }

    @WithSession
    public Uni<ClinicResponse> get(UUID id) {
        return find(id).map(ClinicResponse::of);
    }

    @WithTransaction
    public Uni<ClinicResponse> create(ClinicRequest request, Actor actor) {
        Clinic clinic = new Clinic(request, clock.instant());
        return clinics.persist(clinic)
                .call(created -> outbox.append(ClinicEvents.of(ClinicEvents.CREATED, created, actor)))
                .invoke(created -> LOG.infof("Created clinic %s in %s", created.id(), created.timeZone()))
                .map(ClinicResponse::of);
    }

    /**
     * Replaces the clinic's fields; publishes an update event only when something changed. The
     * client sends no version, so simultaneous updates are applied one after another and the last
     * one wins.
     */
    public Uni<ClinicResponse> update(UUID id, ClinicRequest request, Actor actor) {
        return Transactions.retryingConflicts("update of clinic " + id, () -> replace(id, request, actor));
    }

    private Uni<ClinicResponse> replace(UUID id, ClinicRequest request, Actor actor) {
        return find(id).call(clinic -> {
                    if (!clinic.update(request, clock.instant())) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Updated clinic %s", clinic.id());
                    return clinics.flush()
                            .chain(() -> outbox.append(ClinicEvents.of(ClinicEvents.UPDATED, clinic, actor)));
                })
                .map(ClinicResponse::of);
    }

    private Uni<Clinic> find(UUID id) {
        return clinics.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Clinic", id));
    }
}
