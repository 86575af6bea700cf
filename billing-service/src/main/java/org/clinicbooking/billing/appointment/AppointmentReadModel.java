package org.clinicbooking.billing.appointment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Billing's local copy of scheduling-service's appointments. Writes are plain SQL that both
 * MySQL 8 and MariaDB accept, and they never replace a newer version of an appointment with
 * an older one, whichever of the event and the HTTP response arrives first.
 */
@ApplicationScoped
public class AppointmentReadModel {

    // INSERT IGNORE reports 0 rows for an id already stored; the UPDATE then applies newer facts.
    private static final String INSERT = "INSERT IGNORE INTO appointment (id, patient_id, doctor_id, clinic_id,"
            + " service_id, start_at, end_at, status, price, currency, scheduling_version, updated_at)"
            + " VALUES (:id, :patientId, :doctorId, :clinicId, :serviceId, :startAt, :endAt, :status, :price,"
            + " :currency, :version, :updatedAt)";

    private static final String UPDATE = "UPDATE appointment SET patient_id = :patientId, doctor_id = :doctorId,"
            + " clinic_id = :clinicId, service_id = :serviceId, start_at = :startAt, end_at = :endAt,"
            + " status = :status, price = :price, currency = :currency, scheduling_version = :version,"
            + " updated_at = :updatedAt WHERE id = :id AND scheduling_version <= :version";

    private final Clock clock;

    public AppointmentReadModel(Clock clock) {
        this.clock = clock;
    }

    @WithSession
    public Uni<Appointment> find(UUID id) {
        return Panache.getSession().chain(session -> session.find(Appointment.class, id));
    }

    /** Stores the facts in a transaction of its own: for an appointment read from scheduling-service. */
    @WithTransaction
    public Uni<Void> store(AppointmentFacts facts) {
        return apply(facts);
    }

    /**
     * Inserts or updates the appointment inside the caller's transaction, unless the stored copy
     * has a newer version. The facts must have no {@link AppointmentFacts#defects() defects}.
     */
    public Uni<Void> apply(AppointmentFacts facts) {
        Instant now = clock.instant();
        return Panache.getSession()
                .chain(session -> bind(session.createNativeQuery(INSERT), facts, now)
                        .executeUpdate()
                        .chain(inserted -> inserted == 1
                                ? Uni.createFrom().item(inserted)
                                : bind(session.createNativeQuery(UPDATE), facts, now)
                                        .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * Loads the appointment with {@code SELECT ... FOR UPDATE}, inside the caller's transaction.
     * Payments and refunds of one appointment take this lock first, so they run one at a time
     * and each reads what the previous one committed. A find with a lock mode, not a native
     * query: Hibernate Reactive 3.2 never finds a native SELECT's plan in its plan cache again.
     */
    public Uni<Appointment> lockForUpdate(UUID id) {
        return Panache.getSession()
                .chain(session -> session.find(Appointment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Mutiny.MutationQuery bind(Mutiny.MutationQuery query, AppointmentFacts facts, Instant now) {
        return query.setParameter("id", facts.id().toString())
                .setParameter("patientId", facts.patientId().toString())
                .setParameter("doctorId", facts.doctorId().toString())
                .setParameter("clinicId", facts.clinicId().toString())
                .setParameter("serviceId", facts.serviceId().toString())
                .setParameter("startAt", utc(facts.startAt()))
                .setParameter("endAt", utc(facts.endAt()))
                .setParameter("status", facts.status().name())
                .setParameter("price", facts.price())
                .setParameter("currency", facts.currency())
                .setParameter("version", facts.version())
                .setParameter("updatedAt", utc(now));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
