package org.clinicbooking.user.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.clinicbooking.kit.Offload;

/**
 * Hashes and checks passwords with bcrypt (salted, cost 12). Hashing takes tens of milliseconds
 * on purpose, so it runs on a worker thread.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int COST = 12;

    // Checked against when the email is unknown, so a login takes as long for a missing account.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password-never-valid", COST);

    public Uni<String> hash(String password) {
        return Offload.blocking(() -> BcryptUtil.bcryptHash(password, COST));
    }

    public Uni<Boolean> matches(String password, String hash) {
        return Offload.blocking(() -> BcryptUtil.matches(password, hash == null ? DECOY_HASH : hash));
    }
}
