package org.clinicbooking.user.auth;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;

@Path("/api/auth/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoginResource {

    private final LoginService logins;
    private final TokenIssuer tokens;

    public LoginResource(LoginService logins, TokenIssuer tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @POST
    @PermitAll
    public Uni<TokenResponse> login(@NotNull @Valid LoginRequest request) {
        return logins.authenticate(request)
                .map(user -> user.map(tokens::issue)
                        .orElseThrow(() ->
                                new ProblemException(ProblemType.UNAUTHORIZED, "The email or password is incorrect.")));
    }
}
