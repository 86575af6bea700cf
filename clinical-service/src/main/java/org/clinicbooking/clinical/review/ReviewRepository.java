package org.clinicbooking.clinical.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.paging.PageRequest;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    /** Lists newest first, with the id breaking ties so that pages never overlap. */
    Uni<List<Review>> listByDoctor(UUID doctorId, PageRequest page) {
        return find("doctorId", Sort.descending("createdAt", "id"), doctorId)
                .page(page.page(), page.size())
                .list();
    }

    Uni<Long> countByDoctor(UUID doctorId) {
        return count("doctorId", doctorId);
    }
}
