package org.clinicbooking.user.medicalservice;

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

@Path("/api/medical-services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Medical services", description = "What patients book: duration, price and currency")
public class MedicalServiceResource {

    private final MedicalServiceCatalog catalog;
    private final CurrentActor currentActor;

    public MedicalServiceResource(MedicalServiceCatalog catalog, CurrentActor currentActor) {
        this.catalog = catalog;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "List medical services by name; filter by active, code (exact) and name (prefix)")
    public Uni<Page<MedicalServiceResponse>> list(
            @QueryParam("active") Boolean active,
            @QueryParam("code") @Size(max = 64) String code,
            @QueryParam("name") @Size(max = 200) String name,
            @BeanParam @Valid PageRequest page) {
        return catalog.list(active, code, name, page);
    }

    @POST
    @RolesAllowed("ADMIN")
    @Operation(summary = "Add a medical service")
    public Uni<Response> create(@NotNull @Valid MedicalServiceRequest request) {
        return catalog.create(request, currentActor.get())
                .map(service -> Response.created(URI.create("/api/medical-services/" + service.id()))
                        .entity(service)
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "Read a medical service")
    public Uni<MedicalServiceResponse> get(@PathParam("id") UUID id) {
        return catalog.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Replace a medical service's details")
    public Uni<MedicalServiceResponse> update(@PathParam("id") UUID id, @NotNull @Valid MedicalServiceRequest request) {
        return catalog.update(id, request, currentActor.get());
    }
}
