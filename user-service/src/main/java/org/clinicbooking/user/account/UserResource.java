package org.clinicbooking.user.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.CurrentActor;
import org.clinicbooking.user.auth.PasswordHasher;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService userService;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final CurrentActor currentActor;

    public UserResource(
            UserService userService, UserRepository users, PasswordHasher passwords, CurrentActor currentActor) {
        this.userService = userService;
        this.users = users;
        this.passwords = passwords;
        this.currentActor = currentActor;
    }

    /** Patients register themselves without a token; every other role needs an admin's. */
    @POST
    @PermitAll
    public Uni<Response> register(@NotNull @Valid RegisterUserRequest request) {
        return currentActor
                .resolve()
                .chain(signedIn -> {
                    Actor caller = signedIn.orElse(Actor.system());
                    var role = UserService.roleFor(request, caller);
                    return passwords
                            .hash(request.password())
                            .chain(hash -> userService.register(request, hash, role, caller));
                })
                .map(user -> Response.created(URI.create("/api/users/" + user.id()))
                        .entity(UserResponse.of(user))
                        .build());
    }

    @GET
    @Path("/me")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @WithSession
    public Uni<UserResponse> me() {
        UUID id = currentActor.get().userId();
        return users.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("User", id))
                .map(UserResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @WithSession
    public Uni<UserResponse> get(@PathParam("id") UUID id) {
        Actor actor = currentActor.get();
        if (!actor.isUser(id) && !actor.isClinicStaff()) {
            throw ProblemException.forbidden("You may read only your own user.");
        }
        return users.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("User", id))
                .map(UserResponse::of);
    }
}
