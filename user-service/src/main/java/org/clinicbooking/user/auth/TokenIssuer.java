package org.clinicbooking.user.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.clinicbooking.user.account.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs RS256 access tokens: {@code sub} is the user id and {@code groups} the role. Issuer,
 * lifespan and key come from the {@code smallrye.jwt.*} configuration.
 */
@ApplicationScoped
public class TokenIssuer {

    private final long lifespanSeconds;

    public TokenIssuer(@ConfigProperty(name = "smallrye.jwt.new-token.lifespan") long lifespanSeconds) {
        this.lifespanSeconds = lifespanSeconds;
    }

    public TokenResponse issue(User user) {
        String token = Jwt.subject(user.id().toString())
                .groups(user.role().name())
                .expiresIn(lifespanSeconds)
                .sign();
        return new TokenResponse(token, "Bearer", lifespanSeconds, user.id(), user.role());
    }
}
