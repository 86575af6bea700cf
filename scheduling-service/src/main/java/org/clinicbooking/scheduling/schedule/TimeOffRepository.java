package org.clinicbooking.scheduling.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimeOffRepository implements PanacheRepositoryBase<TimeOff, UUID> {

    public Uni<List<TimeOff>> allOf(UUID doctorId) {
        return list("doctorId", Sort.by("startAt"), doctorId);
    }

    /** Returns the periods that overlap the range, leaving out periods that only touch it. */
    public Uni<List<TimeOff>> overlapping(UUID doctorId, TimeRange range) {
        return list(
                "doctorId = :doctorId and startAt < :end and endAt > :start",
                Sort.by("startAt"),
                Parameters.with("doctorId", doctorId)
                        .and("start", range.start())
                        .and("end", range.end()));
    }

    public Uni<Void> persistAll(List<TimeOff> rows) {
        // Panache rejects an empty stream, and clearing all time off is valid.
        return rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows.stream());
    }

    public Uni<Long> deleteAllOf(UUID doctorId) {
        return delete("doctorId", doctorId);
    }
}
