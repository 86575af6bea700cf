package org.clinicbooking.scheduling.schedule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Row locks that serialise the changes to one doctor's schedule, and to one patient's, across
 * every replica. A transaction that books, reschedules or changes working hours takes the
 * doctor's lock first and then the patient's, always in that order, so these lock rows never
 * make two transactions wait on each other in a cycle.
 */
@ApplicationScoped
public class BookingLocks {

    private final Pool pool;

    public BookingLocks(Pool pool) {
        this.pool = pool;
    }

    /**
     * Creates the lock rows that do not exist yet. Each INSERT IGNORE runs on its own, outside
     * the booking transaction: inside it, the shared lock that INSERT IGNORE takes on an existing
     * row would have to be upgraded by the later SELECT ... FOR UPDATE, and two transactions
     * doing that upgrade on the same row deadlock.
     *
     * @param patientId null when only the doctor's schedule changes
     */
    public Uni<Void> createRows(UUID doctorId, UUID patientId) {
        Uni<Void> doctorRow = pool.preparedQuery("INSERT IGNORE INTO doctor_booking_lock (doctor_id) VALUES (?)")
                .execute(Tuple.of(doctorId.toString()))
                .replaceWithVoid();
        if (patientId == null) {
            return doctorRow;
        }
        return doctorRow.chain(
                () -> pool.preparedQuery("INSERT IGNORE INTO patient_booking_lock (patient_id) VALUES (?)")
                        .execute(Tuple.of(patientId.toString()))
                        .replaceWithVoid());
    }

    /** Waits for and takes the doctor's lock until the current transaction ends. */
    public Uni<Void> lockDoctor(UUID doctorId) {
        return lock(DoctorBookingLock.class, doctorId);
    }

    /** Waits for and takes the patient's lock; take the doctor's first. */
    public Uni<Void> lockPatient(UUID patientId) {
        return lock(PatientBookingLock.class, patientId);
    }

    /*
     * A find with PESSIMISTIC_WRITE (SELECT ... FOR UPDATE) rather than a native query. In
     * Hibernate Reactive 3.2.11 a native SELECT never finds its own plan in the plan cache again,
     * because the cache key compares a ReactiveResultSetMapping, which has no equals. So every call
     * would add an entry with the same hash, and the HQL plans would be pushed out of the cache.
     */
    private static Uni<Void> lock(Class<?> lockRow, UUID id) {
        return Panache.getSession()
                .chain(session -> session.find(lockRow, id, LockModeType.PESSIMISTIC_WRITE))
                .invoke(row -> {
                    if (row == null) {
                        throw new IllegalStateException("Lock row " + id + " is missing; call createRows first");
                    }
                })
                .replaceWithVoid();
    }
}
