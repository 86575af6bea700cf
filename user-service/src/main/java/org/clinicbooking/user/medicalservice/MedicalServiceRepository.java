package org.clinicbooking.user.medicalservice;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.user.listing.Criteria;

@ApplicationScoped
public class MedicalServiceRepository implements PanacheRepositoryBase<MedicalService, UUID> {

    public Uni<List<MedicalService>> search(Criteria criteria, PageRequest page) {
        return find(criteria.query(), Sort.by("name").and("id"), criteria.parameters())
                .page(page.page(), page.size())
                .list();
    }

    public Uni<Long> count(Criteria criteria) {
        return count(criteria.query(), criteria.parameters());
    }

    /** Whether another service than {@code exceptId} has the code; the schema's collation ignores case. */
    public Uni<Boolean> codeTaken(String code, UUID exceptId) {
        return exceptId == null
                ? count("code", code.trim()).map(count -> count > 0)
                : count("code = ?1 and id <> ?2", code.trim(), exceptId).map(count -> count > 0);
    }

    public Uni<List<MedicalService>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", Sort.by("name").and("id"), ids);
    }
}
