package org.clinicbooking.user.medicalservice;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Currency;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.user.listing.Criteria;
import org.jboss.logging.Logger;

/** The catalogue of medical services: creates, updates and lists them, one event per change. */
@ApplicationScoped
public class MedicalServiceCatalog {

    private static final Logger LOG = Logger.getLogger(MedicalServiceCatalog.class);
    private static final String UNIQUE_CODE = "uq_medical_service_code";

    private final MedicalServiceRepository services;
    private final Outbox outbox;
    private final Clock clock;

    public MedicalServiceCatalog(MedicalServiceRepository services, Outbox outbox, Clock clock) {
        this.services = services;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Lists services by name.
     *
     * @param active only active (true) or inactive (false) services; null for both
     * @param code exact code, ignoring case; null for any
     * @param namePrefix start of the name, ignoring case; null or blank for any
     */
    @WithSession
    public Uni<Page<MedicalServiceResponse>> list(Boolean active, String code, String namePrefix, PageRequest page) {
        Criteria criteria = new Criteria()
                .and("active = :active", "active", active)
                .and("code = :code", "code", code == null || code.isBlank() ? null : code.trim())
                .startsWith("name", "namePrefix", namePrefix);
        return services.search(criteria, page)
                .chain(found -> services.count(criteria)
                        .map(total -> Page.of(
                                found.stream().map(MedicalServiceResponse::of).toList(), page, total)));
    }

    @WithSession
    public Uni<MedicalServiceResponse> get(UUID id) {
        return find(id).map(MedicalServiceResponse::of);
    }

    @WithTransaction
    public Uni<MedicalServiceResponse> create(MedicalServiceRequest request, Actor actor) {
        checkPriceFitsCurrency(request);
        return services.codeTaken(request.code(), null)
                .chain(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(duplicateCode(request.code()));
                    }
                    return services.persistAndFlush(new MedicalService(request, clock.instant()));
                })
                .call(created -> outbox.append(MedicalServiceEvents.of(MedicalServiceEvents.CREATED, created, actor)))
                .onFailure(e -> SqlErrors.isDuplicateKey(e, UNIQUE_CODE))
                .transform(e -> duplicateCode(request.code()))
                .invoke(created -> LOG.infof("Created medical service %s (%s)", created.id(), created.code()))
                .map(MedicalServiceResponse::of);
    }

    /**
     * Replaces the service's fields; publishes an update event only when something changed. The
     * client sends no version, so simultaneous updates are applied one after another and the last
     * one wins.
     */
    public Uni<MedicalServiceResponse> update(UUID id, MedicalServiceRequest request, Actor actor) {
        checkPriceFitsCurrency(request);
        return Transactions.retryingConflicts("update of medical service " + id, () -> replace(id, request, actor))
                .onFailure(e -> SqlErrors.isDuplicateKey(e, UNIQUE_CODE))
                .transform(e -> duplicateCode(request.code()))
                .map(MedicalServiceResponse::of);
    }

    private Uni<MedicalService> replace(UUID id, MedicalServiceRequest request, Actor actor) {
        return find(id).call(service -> services.codeTaken(request.code(), id).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(duplicateCode(request.code()));
            }
            if (!service.update(request, clock.instant())) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Updated medical service %s", service.id());
            return services.flush()
                    .chain(() -> outbox.append(MedicalServiceEvents.of(MedicalServiceEvents.UPDATED, service, actor)));
        }));
    }

    private Uni<MedicalService> find(UUID id) {
        return services.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Medical service", id));
    }

    /** A price in a currency without cents (JPY) must be whole, and so on for every currency. */
    private static void checkPriceFitsCurrency(MedicalServiceRequest request) {
        int decimals = Currency.getInstance(request.currency()).getDefaultFractionDigits();
        if (request.price().stripTrailingZeros().scale() > decimals) {
            throw ProblemException.invalidField(
                    "price", "must have at most " + decimals + " decimals in " + request.currency());
        }
    }

    private static ProblemException duplicateCode(String code) {
        return new ProblemException(
                ProblemType.DUPLICATE, "A medical service with the code " + code.trim() + " already exists.");
    }
}
