package org.clinicbooking.scheduling.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WorkingHoursRepository implements PanacheRepositoryBase<WorkingHours, UUID> {

    public Uni<WeeklySchedule> scheduleOf(UUID doctorId) {
        return list("doctorId", Sort.by("dayOfWeek").and("startTime"), doctorId)
                .map(rows -> new WeeklySchedule(
                        rows.stream().map(WorkingHours::interval).toList()));
    }

    public Uni<Long> deleteAllOf(UUID doctorId) {
        return delete("doctorId", doctorId);
    }

    public Uni<Void> persistAll(List<WorkingHours> rows) {
        // Panache rejects an empty stream, and an empty schedule (no working hours) is valid.
        return rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows.stream());
    }
}
