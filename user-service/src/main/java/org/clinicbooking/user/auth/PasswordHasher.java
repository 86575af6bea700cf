package org.clinicbooking.user.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.clinicbooking.kit.Offload;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords with salted bcrypt. The cost ({@code clinic.password.bcrypt-cost},
 * 12 unless configured) makes a hash take tens of milliseconds on purpose, so it runs on a worker
 * thread. A check uses the cost stored in the hash, so changing the setting keeps old hashes valid.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int DEFAULT_COST = 12;

    // Checked against when the email is unknown, so a login takes as long for a missing account.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password-never-valid", DEFAULT_COST);

    private final int cost;

    public PasswordHasher(
            @ConfigProperty(name = "clinic.password.bcrypt-cost", defaultValue = "" + DEFAULT_COST) int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("clinic.password.bcrypt-cost must be between 4 and 31, not " + cost);
        }
        this.cost = cost;
    }

    public Uni<String> hash(String password) {
        return Offload.blocking(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** Hashes on the calling thread; for startup code that may block. */
    String hashNow(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public Uni<Boolean> matches(String password, String hash) {
        return Offload.blocking(() -> BcryptUtil.matches(password, hash == null ? DECOY_HASH : hash));
    }
}
