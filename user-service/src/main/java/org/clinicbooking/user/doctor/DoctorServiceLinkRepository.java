package org.clinicbooking.user.doctor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DoctorServiceLinkRepository implements PanacheRepositoryBase<DoctorServiceLink, UUID> {

    public Uni<List<DoctorServiceLink>> findByDoctor(UUID doctorId) {
        return list("doctorId", doctorId);
    }

    public Uni<DoctorServiceLink> findPair(UUID doctorId, UUID serviceId) {
        return find("doctorId = ?1 and serviceId = ?2", doctorId, serviceId).firstResult();
    }

    /** Deletes the link with one statement and returns how many rows it deleted, 0 or 1. */
    public Uni<Long> deletePair(UUID doctorId, UUID serviceId) {
        return delete("doctorId = ?1 and serviceId = ?2", doctorId, serviceId);
    }
}
