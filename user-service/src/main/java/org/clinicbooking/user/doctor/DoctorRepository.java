package org.clinicbooking.user.doctor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.user.listing.Criteria;

@ApplicationScoped
public class DoctorRepository implements PanacheRepositoryBase<Doctor, UUID> {

    public Uni<List<Doctor>> search(Criteria criteria, PageRequest page) {
        return find(criteria.query(), Sort.by("createdAt").and("id"), criteria.parameters())
                .page(page.page(), page.size())
                .list();
    }

    public Uni<Long> count(Criteria criteria) {
        return count(criteria.query(), criteria.parameters());
    }

    /** Whether a doctor other than {@code exceptId} has the licence number; null for any doctor. */
    public Uni<Boolean> licenseTaken(String licenseNumber, UUID exceptId) {
        return exceptId == null
                ? count("licenseNumber", licenseNumber).map(count -> count > 0)
                : count("licenseNumber = ?1 and id <> ?2", licenseNumber, exceptId)
                        .map(count -> count > 0);
    }
}
