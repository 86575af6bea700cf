package org.clinicbooking.scheduling.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes the read model of user-service's data. Events write through the
 * {@code apply*} methods inside the consumer's transaction: a row is inserted when absent and
 * updated only when the event is not older than the one that wrote it last. Records fetched over
 * HTTP go through the {@code remember*} methods, which insert a row only when none exists yet,
 * with no event time, so that the next event for that record overwrites it.
 */
@ApplicationScoped
public class DirectoryStore {

    private static final String NEWER = " AND (event_time IS NULL OR event_time <= :eventTime)";

    private final Pool pool;

    public DirectoryStore(Pool pool) {
        this.pool = pool;
    }

    @WithSession
    public Uni<Doctor> findDoctor(UUID id) {
        return Panache.getSession().chain(session -> session.find(Doctor.class, id));
    }

    @WithSession
    public Uni<Clinic> findClinic(UUID id) {
        return Panache.getSession().chain(session -> session.find(Clinic.class, id));
    }

    @WithSession
    public Uni<MedicalService> findMedicalService(UUID id) {
        return Panache.getSession().chain(session -> session.find(MedicalService.class, id));
    }

    @WithSession
    public Uni<UserAccount> findUser(UUID id) {
        return Panache.getSession().chain(session -> session.find(UserAccount.class, id));
    }

    // On the pool rather than as a native query: see BookingLocks#lock for why.
    public Uni<Boolean> offers(UUID doctorId, UUID serviceId) {
        return pool.preparedQuery(
                        "SELECT 1 FROM doctor_service WHERE doctor_id = ? AND service_id = ? AND offered = TRUE")
                .execute(Tuple.of(doctorId.toString(), serviceId.toString()))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> applyClinic(Clinic clinic, Instant eventTime) {
        return upsert(
                "INSERT INTO clinic (id, time_zone, event_time) VALUES (:id, :timeZone, :eventTime)"
                        + " ON DUPLICATE KEY UPDATE id = id",
                "UPDATE clinic SET time_zone = :timeZone, event_time = :eventTime WHERE id = :id" + NEWER,
                Map.of("id", clinic.id().toString(), "timeZone", clinic.timeZone()),
                eventTime);
    }

    public Uni<Void> applyDoctor(Doctor doctor, Instant eventTime) {
        return upsert(
                "INSERT INTO doctor (id, clinic_id, active, event_time) VALUES (:id, :clinicId, :active, :eventTime)"
                        + " ON DUPLICATE KEY UPDATE id = id",
                "UPDATE doctor SET clinic_id = :clinicId, active = :active, event_time = :eventTime WHERE id = :id"
                        + NEWER,
                Map.of(
                        "id", doctor.id().toString(),
                        "clinicId", doctor.clinicId().toString(),
                        "active", doctor.active()),
                eventTime);
    }

    public Uni<Void> applyMedicalService(MedicalService service, Instant eventTime) {
        return upsert(
                "INSERT INTO medical_service (id, duration_minutes, price, currency, active, event_time)"
                        + " VALUES (:id, :durationMinutes, :price, :currency, :active, :eventTime)"
                        + " ON DUPLICATE KEY UPDATE id = id",
                "UPDATE medical_service SET duration_minutes = :durationMinutes, price = :price,"
                        + " currency = :currency, active = :active, event_time = :eventTime WHERE id = :id" + NEWER,
                Map.of(
                        "id", service.id().toString(),
                        "durationMinutes", service.durationMinutes(),
                        "price", service.price(),
                        "currency", service.currency(),
                        "active", service.active()),
                eventTime);
    }

    public Uni<Void> applyOffering(UUID doctorId, UUID serviceId, boolean offered, Instant eventTime) {
        return upsert(
                "INSERT INTO doctor_service (doctor_id, service_id, offered, event_time)"
                        + " VALUES (:doctorId, :serviceId, :offered, :eventTime)"
                        + " ON DUPLICATE KEY UPDATE doctor_id = doctor_id",
                "UPDATE doctor_service SET offered = :offered, event_time = :eventTime"
                        + " WHERE doctor_id = :doctorId AND service_id = :serviceId" + NEWER,
                Map.of("doctorId", doctorId.toString(), "serviceId", serviceId.toString(), "offered", offered),
                eventTime);
    }

    public Uni<Void> applyUser(UserAccount user, Instant eventTime) {
        return upsert(
                "INSERT INTO user_account (id, role, active, event_time) VALUES (:id, :role, :active, :eventTime)"
                        + " ON DUPLICATE KEY UPDATE id = id",
                "UPDATE user_account SET role = :role, active = :active, event_time = :eventTime WHERE id = :id"
                        + NEWER,
                Map.of("id", user.id().toString(), "role", user.role().name(), "active", user.active()),
                eventTime);
    }

    @WithTransaction
    public Uni<Clinic> rememberClinic(Clinic clinic) {
        return insertIfAbsent(
                        "INSERT INTO clinic (id, time_zone, event_time) VALUES (:id, :timeZone, NULL)"
                                + " ON DUPLICATE KEY UPDATE id = id",
                        Map.of(
                                "id",
                                clinic.id().toString(),
                                "timeZone",
                                clinic.zone().getId()))
                .replaceWith(clinic);
    }

    @WithTransaction
    public Uni<Doctor> rememberDoctor(Doctor doctor) {
        return insertIfAbsent(
                        "INSERT INTO doctor (id, clinic_id, active, event_time) VALUES (:id, :clinicId, :active, NULL)"
                                + " ON DUPLICATE KEY UPDATE id = id",
                        Map.of(
                                "id", doctor.id().toString(),
                                "clinicId", doctor.clinicId().toString(),
                                "active", doctor.active()))
                .replaceWith(doctor);
    }

    @WithTransaction
    public Uni<Void> rememberMedicalServices(List<MedicalService> services) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MedicalService service : services) {
            chain = chain.chain(() -> insertMedicalService(service));
        }
        return chain;
    }

    /** Stores the services a doctor offers, as user-service listed them, and the links to them. */
    @WithTransaction
    public Uni<Void> rememberOfferings(UUID doctorId, List<MedicalService> services) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MedicalService service : services) {
            chain = chain.chain(() -> insertMedicalService(service))
                    .chain(() -> insertIfAbsent(
                            "INSERT INTO doctor_service (doctor_id, service_id, offered, event_time)"
                                    + " VALUES (:doctorId, :serviceId, TRUE, NULL)"
                                    + " ON DUPLICATE KEY UPDATE doctor_id = doctor_id",
                            Map.of(
                                    "doctorId",
                                    doctorId.toString(),
                                    "serviceId",
                                    service.id().toString())));
        }
        return chain;
    }

    @WithTransaction
    public Uni<UserAccount> rememberUser(UserAccount user) {
        return insertIfAbsent(
                        "INSERT INTO user_account (id, role, active, event_time) VALUES (:id, :role, :active, NULL)"
                                + " ON DUPLICATE KEY UPDATE id = id",
                        Map.of(
                                "id", user.id().toString(),
                                "role", user.role().name(),
                                "active", user.active()))
                .replaceWith(user);
    }

    private Uni<Void> insertMedicalService(MedicalService service) {
        return insertIfAbsent(
                "INSERT INTO medical_service (id, duration_minutes, price, currency, active, event_time)"
                        + " VALUES (:id, :durationMinutes, :price, :currency, :active, NULL)"
                        + " ON DUPLICATE KEY UPDATE id = id",
                Map.of(
                        "id", service.id().toString(),
                        "durationMinutes", service.durationMinutes(),
                        "price", service.price(),
                        "currency", service.currency(),
                        "active", service.active()));
    }

    private static Uni<Void> upsert(String insert, String update, Map<String, Object> values, Instant eventTime) {
        LocalDateTime time = LocalDateTime.ofInstant(eventTime, ZoneOffset.UTC);
        return Panache.getSession()
                .chain(session -> {
                    var insertQuery = session.createNativeQuery(insert).setParameter("eventTime", time);
                    var updateQuery = session.createNativeQuery(update).setParameter("eventTime", time);
                    values.forEach((name, value) -> {
                        insertQuery.setParameter(name, value);
                        updateQuery.setParameter(name, value);
                    });
                    return insertQuery.executeUpdate().chain(updateQuery::executeUpdate);
                })
                .replaceWithVoid();
    }

    private static Uni<Void> insertIfAbsent(String insert, Map<String, Object> values) {
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(insert);
                    values.forEach(query::setParameter);
                    return query.executeUpdate();
                })
                .replaceWithVoid();
    }
}
