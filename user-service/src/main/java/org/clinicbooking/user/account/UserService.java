package org.clinicbooking.user.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.DeactivatedUsers;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.user.listing.Criteria;
import org.jboss.logging.Logger;

/** Registers, lists, updates and deactivates users, with the rules of {@link UserAccess}. */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    private static final String UNIQUE_EMAIL = "uq_app_user_email_key";

    private final UserRepository users;
    private final UserChangeObserver dependents;
    private final Outbox outbox;
    private final DeactivatedUsers deactivatedUsers;
    private final Clock clock;

    public UserService(
            UserRepository users,
            UserChangeObserver dependents,
            Outbox outbox,
            DeactivatedUsers deactivatedUsers,
            Clock clock) {
        this.users = users;
        this.dependents = dependents;
        this.outbox = outbox;
        this.deactivatedUsers = deactivatedUsers;
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

    /**
     * Decides the role of a new account from the request and the caller. Anyone may create a
     * patient, as in self-registration or staff registering a walk-in. Other roles need an admin.
     */
    public static Role roleFor(RegisterUserRequest request, Actor caller) {
        return UserAccess.roleForRegistration(request.role(), caller);
    }

    /**
     * Lists users, oldest first.
     *
     * @param role only users with this role; null for every role
     * @param active only active (true) or deactivated (false) users; null for both
     * @param email the exact email, ignoring case; null or blank for every email
     */
    @WithSession
    public Uni<Page<UserResponse>> list(Role role, Boolean active, String email, PageRequest page) {
        String emailKey = email == null || email.isBlank() ? null : User.emailKey(email);
        Criteria criteria = new Criteria()
                .and("role = :role", "role", role)
                .and("active = :active", "active", active)
                .and("emailKey = :emailKey", "emailKey", emailKey);
        return users.search(criteria, page)
                .chain(found -> users.count(criteria)
                        .map(total ->
                                Page.of(found.stream().map(UserResponse::of).toList(), page, total)));
    }

    @WithSession
    public Uni<UserResponse> get(UUID id, Actor actor) {
        UserAccess.checkMayReadOrEdit(actor, id);
        return find(id).map(UserResponse::of);
    }

    /**
     * Replaces a user's profile and, for an admin, their email and role. A value the caller may
     * not change is rejected, not ignored; an update that changes nothing publishes nothing. The
     * client sends no version, so simultaneous updates are applied one after another and the last
     * one wins.
     */
    public Uni<UserResponse> update(UUID id, UpdateUserRequest request, Actor actor) {
        UserAccess.checkMayReadOrEdit(actor, id);
        return Transactions.retryingConflicts("update of user " + id, () -> replace(id, request, actor))
                .onFailure(e -> SqlErrors.isDuplicateKey(e, UNIQUE_EMAIL))
                .transform(ignored -> duplicateEmail())
                .map(UserResponse::of);
    }

    private Uni<User> replace(UUID id, UpdateUserRequest request, Actor actor) {
        return find(id).call(user -> {
            UserAccess.checkMayEdit(actor, user);
            UserAccess.checkMayChangeRole(actor, user, request.role());
            UserAccess.checkMayChangeEmail(actor, user, request.email());
            return checkRoleChangeAllowed(user, request.role())
                    .chain(() -> checkEmailFree(user, request.email()))
                    .chain(() -> applyUpdate(user, request, actor));
        });
    }

    /**
     * Gives the configured first admin the configured password when the stored hash does not
     * match it, so the deployment's secret stays the way into the account after it rotates.
     * The event carries the user's public view only.
     */
    @WithTransaction
    public Uni<Boolean> resetConfiguredAdminPassword(
            String email, java.util.function.Predicate<String> storedHashMatches, String newPasswordHash) {
        return users.findByEmail(email).chain(user -> {
            if (user == null || storedHashMatches.test(user.passwordHash())) {
                return Uni.createFrom().item(false);
            }
            user.resetPassword(newPasswordHash, clock.instant());
            return outbox.append(UserEvents.of(UserEvents.UPDATED, user, Actor.system()))
                    .invoke(() ->
                            LOG.infof("Reset the password of admin %s from the deployment configuration", user.id()))
                    .replaceWith(true);
        });
    }

    /**
     * Deactivates a user: they can no longer log in, every service rejects the tokens they still
     * hold, and every record that names them stays. Deactivating an inactive user changes nothing
     * and publishes nothing, so simultaneous deactivations all succeed and publish one event.
     */
    public Uni<Void> deactivate(UUID id, Actor actor) {
        return Transactions.retryingConflicts("deactivation of user " + id, () -> deactivateInTransaction(id, actor));
    }

    private Uni<Void> deactivateInTransaction(UUID id, Actor actor) {
        return find(id).chain(user -> {
            UserAccess.checkMayDeactivate(actor, user);
            UserResponse before = UserResponse.of(user);
            if (!user.deactivate(clock.instant())) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Deactivated user %s with role %s", user.id(), user.role());
            return users.flush()
                    .call(() -> outbox.append(UserEvents.of(UserEvents.DEACTIVATED, user, actor)))
                    .call(() -> deactivatedUsers.record(user.id(), user.updatedAt()))
                    .call(() -> dependents.userChanged(before, user, actor))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> checkRoleChangeAllowed(User user, Role requested) {
        if (requested == null || requested == user.role()) {
            return Uni.createFrom().voidItem();
        }
        return dependents.checkRoleChange(user, requested);
    }

    private Uni<Void> checkEmailFree(User user, String requested) {
        if (requested == null || !user.emailDiffers(requested)) {
            return Uni.createFrom().voidItem();
        }
        return users.emailTakenByOther(requested, user.id())
                .chain(taken -> taken
                        ? Uni.createFrom().failure(duplicateEmail())
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> applyUpdate(User user, UpdateUserRequest request, Actor actor) {
        Instant now = clock.instant();
        UserResponse before = UserResponse.of(user);
        boolean changed = user.updateProfile(request.fullName(), request.phone(), request.dateOfBirth(), now);
        if (request.email() != null && user.emailDiffers(request.email())) {
            user.changeEmail(request.email(), now);
            changed = true;
        }
        if (request.role() != null && request.role() != user.role()) {
            LOG.infof("Changing the role of user %s from %s to %s", user.id(), user.role(), request.role());
            user.changeRole(request.role(), now);
            changed = true;
        }
        if (!changed) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("Updated user %s", user.id());
        return users.flush()
                .call(() -> outbox.append(UserEvents.of(UserEvents.UPDATED, user, actor)))
                .call(() -> dependents.userChanged(before, user, actor))
                .replaceWithVoid();
    }

    private Uni<User> find(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("User", id));
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
