package org.clinicbooking.user.clinic;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.clinicbooking.kit.security.CurrentActor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/clinics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinics", description = "The clinics of the network and their time zones")
public class ClinicResource {

    private final ClinicService clinicService;
    private final CurrentActor currentActor;

    public ClinicResource(ClinicService clinicService, CurrentActor currentActor) {
        this.clinicService = clinicService;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "List clinics by name; filter by city (exact) and name (prefix), both ignoring case")
    public Uni<Page<ClinicResponse>> list(
            @QueryParam("city") @Size(max = 100) String city,
            @QueryParam("name") @Size(max = 200) String name,
            @BeanParam @Valid PageRequest page) {
        return clinicService.list(city, name, page);
    }

    @POST
    @RolesAllowed("ADMIN")
    @Operation(summary = "Add a clinic")
    public Uni<Response> create(@NotNull @Valid ClinicRequest request) {
        return clinicService
                .create(request, currentActor.get())
                .map(clinic -> Response.created(URI.create("/api/clinics/" + clinic.id()))
                        .entity(clinic)
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "Read a clinic")
    public Uni<ClinicResponse> get(@PathParam("id") UUID id) {
        return clinicService.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Replace a clinic's details")
    public Uni<ClinicResponse> update(@PathParam("id") UUID id, @NotNull @Valid ClinicRequest request) {
        return clinicService.update(id, request, currentActor.get());
    }
}
