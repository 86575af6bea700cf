package org.clinicbooking.user.auth;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.clinicbooking.user.account.User;
import org.clinicbooking.user.account.UserRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks credentials. A wrong password counts against the account, and after
 * {@code clinic.login.max-failures} failures in a row the account is locked for
 * {@code clinic.login.lock-duration}. Every refusal looks the same to the caller, so a login
 * never tells whether an email is registered, active or locked.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    public LoginService(
            UserRepository users,
            PasswordHasher passwords,
            Clock clock,
            @ConfigProperty(name = "clinic.login.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "clinic.login.lock-duration", defaultValue = "15m") Duration lockDuration) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** Emits the user when the credentials are right and the account may sign in, empty otherwise. */
    @WithTransaction
    public Uni<Optional<User>> authenticate(LoginRequest request) {
        return users.findByEmail(request.email())
                .chain(user -> passwords
                        .matches(request.password(), user == null ? null : user.passwordHash())
                        .map(matches -> decide(user, matches)));
    }

    private Optional<User> decide(User user, boolean passwordMatches) {
        if (user == null) {
            LOG.info("Login refused: unknown email");
            return Optional.empty();
        }
        if (!user.active()) {
            LOG.infof("Login refused for user %s: deactivated", user.id());
            return Optional.empty();
        }
        if (user.isLocked(clock.instant())) {
            LOG.infof("Login refused for user %s: locked after repeated failures", user.id());
            return Optional.empty();
        }
        if (!passwordMatches) {
            user.recordFailedLogin(maxFailures, lockDuration, clock.instant());
            LOG.infof("Login refused for user %s: wrong password", user.id());
            return Optional.empty();
        }
        user.recordSuccessfulLogin();
        LOG.infof("User %s logged in", user.id());
        return Optional.of(user);
    }
}
