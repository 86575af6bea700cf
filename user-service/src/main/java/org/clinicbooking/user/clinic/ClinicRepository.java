package org.clinicbooking.user.clinic;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.user.listing.Criteria;

@ApplicationScoped
public class ClinicRepository implements PanacheRepositoryBase<Clinic, UUID> {

    public Uni<List<Clinic>> search(Criteria criteria, PageRequest page) {
        return find(criteria.query(), Sort.by("name").and("id"), criteria.parameters())
                .page(page.page(), page.size())
                .list();
    }

    public Uni<Long> count(Criteria criteria) {
        return count(criteria.query(), criteria.parameters());
    }
}
