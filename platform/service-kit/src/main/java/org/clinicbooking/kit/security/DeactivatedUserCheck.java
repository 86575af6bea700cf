package org.clinicbooking.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Fails authentication when the token's user has been deactivated, so the token stops working
 * before it expires. Quarkus runs it after the signature, issuer and expiry checks. Because
 * authentication is lazy ({@code quarkus.http.auth.proactive=false}), the failure reaches the
 * problem mappers and the caller gets the same 401 problem as for any invalid token.
 */
@ApplicationScoped
public class DeactivatedUserCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(DeactivatedUserCheck.class);

    private final DeactivatedUsers deactivatedUsers;

    public DeactivatedUserCheck(DeactivatedUsers deactivatedUsers) {
        this.deactivatedUsers = deactivatedUsers;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        UUID userId = userIdOf(identity);
        if (userId == null) {
            return Uni.createFrom().item(identity);
        }
        return deactivatedUsers.isDeactivated(userId).map(deactivated -> {
            if (deactivated) {
                LOG.debugf("Rejected a token of deactivated user %s", userId);
                throw new AuthenticationFailedException("The token's user is deactivated");
            }
            return identity;
        });
    }

    /** Returns the token's user id, or null for an anonymous request or a subject that is not a UUID. */
    private static UUID userIdOf(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        String subject = token.getSubject();
        if (subject == null) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            // CurrentActor rejects such a token with its own 401 when an endpoint reads the actor.
            return null;
        }
    }
}
