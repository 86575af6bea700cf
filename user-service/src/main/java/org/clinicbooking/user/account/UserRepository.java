package org.clinicbooking.user.account;

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
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByEmail(String email) {
        return find("emailKey", User.emailKey(email)).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("emailKey", User.emailKey(email)).map(count -> count > 0);
    }

    /** Whether a user other than {@code exceptId} has this email, ignoring case. */
    public Uni<Boolean> emailTakenByOther(String email, UUID exceptId) {
        return count("emailKey = ?1 and id <> ?2", User.emailKey(email), exceptId)
                .map(count -> count > 0);
    }

    public Uni<List<User>> search(Criteria criteria, PageRequest page) {
        return find(criteria.query(), Sort.by("createdAt").and("id"), criteria.parameters())
                .page(page.page(), page.size())
                .list();
    }

    public Uni<Long> count(Criteria criteria) {
        return count(criteria.query(), criteria.parameters());
    }

    public Uni<List<User>> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }
}
