package org.clinicbooking.user.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByEmail(String email) {
        return find("emailKey", User.emailKey(email)).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("emailKey", User.emailKey(email)).map(count -> count > 0);
    }
}
