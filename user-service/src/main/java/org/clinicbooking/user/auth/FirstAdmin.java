package org.clinicbooking.user.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.user.account.RegisterUserRequest;
import org.clinicbooking.user.account.UserRepository;
import org.clinicbooking.user.account.UserService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from deployment configuration ({@code CLINIC_ADMIN_EMAIL} and
 * {@code CLINIC_ADMIN_PASSWORD}, from a Kubernetes Secret in production) when no user has that
 * email yet, and gives an existing one the configured password when it differs. There is no
 * built-in default: without both values no admin is created.
 */
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    void onStart(
            @Observes StartupEvent event,
            UserRepository users,
            UserService userService,
            PasswordHasher passwords,
            @ConfigProperty(name = "clinic.admin.email") Optional<String> email,
            @ConfigProperty(name = "clinic.admin.password") Optional<String> password)
            throws Throwable {
        if (email.isEmpty()
                || email.get().isBlank()
                || password.isEmpty()
                || password.get().isBlank()) {
            LOG.info("No first admin configured (CLINIC_ADMIN_EMAIL, CLINIC_ADMIN_PASSWORD); none created");
            return;
        }
        String hash = passwords.hashNow(password.get());
        RegisterUserRequest request =
                new RegisterUserRequest(email.get(), password.get(), "Administrator", null, null, Role.ADMIN);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> users.emailTaken(email.get()))
                .chain(taken -> taken
                        ? userService
                                .resetConfiguredAdminPassword(
                                        email.get(), storedHash -> BcryptUtil.matches(password.get(), storedHash), hash)
                                .replaceWithVoid()
                        : userService
                                .register(request, hash, Role.ADMIN, Actor.system())
                                .replaceWithVoid()));
    }
}
