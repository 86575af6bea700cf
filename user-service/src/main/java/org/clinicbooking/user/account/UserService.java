package org.clinicbooking.user.account;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.jboss.logging.Logger;

/** Registers users and keeps the rules on who may create which role. */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final UserRepository users;
    private final Outbox outbox;
    private final Clock clock;

    public UserService(UserRepository users, Outbox outbox, Clock clock) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores a new user with an already hashed password.
     *
     * @param actor the caller, or {@link Actor#system()} for anonymous self-registration and the first admin
     */
    @WithTransaction
    public Uni<User> register(RegisterUserRequest request, String passwordHash, Role role, Actor actor) {
        return users.emailTaken(request.email())
                .chain(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(duplicateEmail());
                    }
                    User user = new User(
                            request.email(),
                            passwordHash,
                            request.fullName().trim(),
                            request.phone(),
                            role,
                            request.dateOfBirth(),
                            clock.instant());
                    return users.persistAndFlush(user);
                })
                .call(user -> outbox.append(UserEvents.of(UserEvents.REGISTERED, user, actorOrSelf(actor, user))))
                .onFailure(SqlErrors::isDuplicateKey)
                .transform(ignored -> duplicateEmail())
                .invoke(user -> LOG.infof("Registered user %s with role %s", user.id(), user.role()));
    }

    /** Decides the role of a new account from the request and the caller. */
    public static Role roleFor(RegisterUserRequest request, Actor caller) {
        Role requested = request.role() == null ? Role.PATIENT : request.role();
        if (requested == Role.PATIENT) {
            return requested;
        }
        if (caller != null && caller.is(Role.ADMIN)) {
            return requested;
        }
        throw ProblemException.forbidden("Only an admin can create a user with the role " + requested + ".");
    }

    private static Actor actorOrSelf(Actor actor, User user) {
        // A self-registration has no signed-in actor; the new user is the one acting.
        return Actor.SYSTEM.equals(actor.role()) && user.role() == Role.PATIENT && actor.userId() == null
                ? Actor.user(user.id(), Role.PATIENT)
                : actor;
    }

    private static ProblemException duplicateEmail() {
        return new ProblemException(ProblemType.DUPLICATE, "A user with this email already exists.");
    }
}
