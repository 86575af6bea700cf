package org.clinicbooking.scheduling.appointment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.scheduling.directory.MedicalService;
import org.clinicbooking.scheduling.schedule.TimeRange;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    private static final List<String> ACTIVE_STATUSES =
            AppointmentStatus.ACTIVE.stream().map(Enum::name).toList();

    /*
     * A locking read (FOR UPDATE), not a plain SELECT: under REPEATABLE READ a plain SELECT may
     * read the snapshot taken before this transaction waited for the booking lock, and miss an
     * appointment that committed meanwhile. A locking read returns the latest committed rows.
     * The index is forced because a locking read locks every index entry it scans: on the
     * global start_at index, which the optimizer picks when few rows exist, it would lock other
     * doctors' appointments and make unrelated bookings wait on each other.
     *
     * The statuses are bound as a list, and Hibernate does not cache plans of queries with list
     * parameters. A cached plan would never be found again (see BookingLocks#lock).
     */
    private static final String OVERLAPPING = "SELECT start_at, end_at FROM appointment FORCE INDEX (%s)"
            + " WHERE %s = :ownerId AND status IN (:active)"
            + " AND end_at > :startAt AND end_at < :latestEnd AND start_at < :endAt AND id <> :excludedId"
            + " FOR UPDATE";

    /*
     * An appointment that overlaps a range ends before the range's end plus the maximum duration.
     * Bounding end_at from both sides keeps the scan of the (owner, end_at) index to the rows near
     * the range, instead of every later appointment of the doctor or patient.
     */
    private static final Duration MAX_DURATION = Duration.ofMinutes(MedicalService.MAX_DURATION_MINUTES);

    /**
     * Returns the earliest active appointment of the doctor that overlaps the slot, or null. Touching
     * appointments do not overlap. Call inside the booking transaction, holding the doctor's lock.
     *
     * @param excludedId an appointment to leave out: the one being moved
     */
    public Uni<TimeRange> doctorOverlap(UUID doctorId, TimeRange slot, UUID excludedId) {
        return firstOverlap("ix_appointment_doctor_end", "doctor_id", doctorId, slot, excludedId);
    }

    /** Like {@link #doctorOverlap}, for the patient's appointments with any doctor. */
    public Uni<TimeRange> patientOverlap(UUID patientId, TimeRange slot, UUID excludedId) {
        return firstOverlap("ix_appointment_patient_end", "patient_id", patientId, slot, excludedId);
    }

    /**
     * Returns the times of the doctor's active appointments that overlap the range, earliest first.
     * Only the two columns are read, so no appointment entity is loaded or tracked by the session.
     */
    public Uni<List<TimeRange>> activeTimesOfDoctor(UUID doctorId, TimeRange range) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select new " + TimeRange.class.getName() + "(startAt, endAt) from Appointment"
                                        + " where doctorId = :doctorId and status in :active"
                                        + " and startAt < :end and endAt > :start and endAt < :latestEnd"
                                        + " order by startAt",
                                TimeRange.class)
                        .setParameter("doctorId", doctorId)
                        .setParameter("active", AppointmentStatus.ACTIVE)
                        .setParameter("start", range.start())
                        .setParameter("end", range.end())
                        .setParameter("latestEnd", range.end().plus(MAX_DURATION))
                        .getResultList());
    }

    public Uni<List<Appointment>> allActiveOfDoctor(UUID doctorId) {
        return list(
                "doctorId = :doctorId and status in :active",
                Sort.by("startAt").and("id"),
                Parameters.with("doctorId", doctorId).and("active", AppointmentStatus.ACTIVE));
    }

    public Uni<Page<Appointment>> search(AppointmentFilter filter, PageRequest request) {
        var query = find(filter.query(), Sort.by("startAt").and("id"), filter.parameters());
        return query.page(io.quarkus.panache.common.Page.of(request.page(), request.size()))
                .list()
                .chain(items -> query.count().map(total -> Page.of(items, request, total)));
    }

    private static Uni<TimeRange> firstOverlap(
            String index, String ownerColumn, UUID ownerId, TimeRange slot, UUID excludedId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(OVERLAPPING.formatted(index, ownerColumn), Object[].class)
                        .setParameter("ownerId", ownerId.toString())
                        .setParameter("active", ACTIVE_STATUSES)
                        .setParameter("startAt", utc(slot.start()))
                        .setParameter("endAt", utc(slot.end()))
                        .setParameter("latestEnd", utc(slot.end().plus(MAX_DURATION)))
                        .setParameter("excludedId", excludedId.toString())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new TimeRange(instant(row[0]), instant(row[1])))
                        .min(java.util.Comparator.comparing(TimeRange::start))
                        .orElse(null));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        if (column instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("Unexpected DATETIME value type " + column.getClass());
    }
}
