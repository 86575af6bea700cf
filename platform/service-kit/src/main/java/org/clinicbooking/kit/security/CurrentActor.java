package org.clinicbooking.kit.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of the current request, read from the verified JWT. Authentication is
 * lazy (so that its failures become problem responses): {@link #get()} is for endpoints that
 * require a role, where the token is verified before the method runs; endpoints open to
 * anonymous callers use {@link #resolve()}.
 */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;
    private final CurrentIdentityAssociation identities;

    public CurrentActor(JsonWebToken token, CurrentIdentityAssociation identities) {
        this.token = token;
        this.identities = identities;
    }

    /**
     * Verifies the token if the request has one: emits the actor, empty for an anonymous
     * request, or fails with 401 for an invalid token.
     */
    public Uni<Optional<Actor>> resolve() {
        return identities.getDeferredIdentity().map(CurrentActor::toActor);
    }

    /** Returns the actor; fails with 401 when the request carries no valid token. */
    public Actor get() {
        if (token == null || token.getSubject() == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "A valid bearer token is required.");
        }
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The token's subject is not a user id.");
        }
        Role role = token.getGroups().stream()
                .filter(CurrentActor::isRole)
                .map(Role::valueOf)
                .findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "The token carries no known role."));
        return Actor.user(userId, role);
    }

    /** Returns whether the request carries a verified token at all. */
    public boolean isAuthenticated() {
        return token != null && token.getSubject() != null;
    }

    /** Returns the raw bearer token, for calls this service makes to another one on the user's behalf. */
    public String bearerToken() {
        return token == null ? null : token.getRawToken();
    }

    private static Optional<Actor> toActor(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        try {
            UUID userId = UUID.fromString(jwt.getSubject());
            return identity.getRoles().stream()
                    .filter(CurrentActor::isRole)
                    .map(Role::valueOf)
                    .findFirst()
                    .map(role -> Actor.user(userId, role));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The token's subject is not a user id.");
        }
    }

    private static boolean isRole(String group) {
        for (Role role : Role.values()) {
            if (role.name().equals(group)) {
                return true;
            }
        }
        return false;
    }
}
