package org.clinicbooking.user.account;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.CurrentActor;
import org.clinicbooking.kit.security.DeactivatedUsers;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.user.auth.PasswordHasher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Patients, doctors, staff and admins")
public class UserResource {

    private final UserService userService;
    private final PasswordHasher passwords;
    private final CurrentActor currentActor;
    private final DeactivatedUsers deactivatedUsers;

    public UserResource(
            UserService userService,
            PasswordHasher passwords,
            CurrentActor currentActor,
            DeactivatedUsers deactivatedUsers) {
        this.userService = userService;
        this.passwords = passwords;
        this.currentActor = currentActor;
        this.deactivatedUsers = deactivatedUsers;
    }

    /** Patients register themselves without a token or are registered by staff; other roles need an admin's. */
    @POST
    @PermitAll
    @Operation(summary = "Register a user: a patient without a token, staff for patients, admin for any role")
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
    @RolesAllowed({"STAFF", "ADMIN"})
    @Operation(summary = "List users, oldest first; filter by role, active and email (exact, ignoring case)")
    public Uni<Page<UserResponse>> list(
            @QueryParam("role") Role role,
            @QueryParam("active") Boolean active,
            @QueryParam("email") @Size(max = 254) String email,
            @BeanParam @Valid PageRequest page) {
        return userService.list(role, active, email, page);
    }

    @GET
    @Path("/me")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "Read the signed-in user")
    public Uni<UserResponse> me() {
        Actor actor = currentActor.get();
        return userService.get(actor.userId(), actor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "Read a user: yourself, or anyone as staff or admin")
    public Uni<UserResponse> get(@PathParam("id") UUID id) {
        return userService.get(id, currentActor.get());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "Replace a user's profile; only an admin changes email and role")
    public Uni<UserResponse> update(@PathParam("id") UUID id, @NotNull @Valid UpdateUserRequest request) {
        return userService.update(id, request, currentActor.get());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"STAFF", "ADMIN"})
    @Operation(summary = "Deactivate a user (staff: patients only); the user's records stay")
    public Uni<Response> deactivate(@PathParam("id") UUID id) {
        return userService
                .deactivate(id, currentActor.get())
                // The transaction has committed, so this replica rejects the user's tokens at once
                // instead of after its next reload of the deactivated users.
                .invoke(() -> deactivatedUsers.remember(id))
                .map(ignored -> Response.noContent().build());
    }
}
