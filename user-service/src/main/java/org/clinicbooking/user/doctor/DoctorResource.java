package org.clinicbooking.user.doctor;

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

@Path("/api/doctors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Doctors", description = "Doctor profiles: clinic, specialization and licence")
public class DoctorResource {

    private final DoctorProfiles profiles;
    private final CurrentActor currentActor;

    public DoctorResource(DoctorProfiles profiles, CurrentActor currentActor) {
        this.profiles = profiles;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(
            summary = "List doctors; filter by clinicId, specialization (exact, ignoring case), serviceId and active")
    public Uni<Page<DoctorResponse>> list(
            @QueryParam("clinicId") UUID clinicId,
            @QueryParam("specialization") @Size(max = 100) String specialization,
            @QueryParam("serviceId") UUID serviceId,
            @QueryParam("active") Boolean active,
            @BeanParam @Valid PageRequest page) {
        return profiles.list(clinicId, specialization, serviceId, active, page);
    }

    @POST
    @RolesAllowed("ADMIN")
    @Operation(summary = "Add the doctor profile of a user with the role DOCTOR")
    public Uni<Response> create(@NotNull @Valid CreateDoctorRequest request) {
        return profiles.create(request, currentActor.get())
                .map(doctor -> Response.created(URI.create("/api/doctors/" + doctor.id()))
                        .entity(doctor)
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "Read a doctor")
    public Uni<DoctorResponse> get(@PathParam("id") UUID id) {
        return profiles.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"DOCTOR", "ADMIN"})
    @Operation(summary = "Replace a doctor profile; the doctor may change only their own bio")
    public Uni<DoctorResponse> update(@PathParam("id") UUID id, @NotNull @Valid UpdateDoctorRequest request) {
        return profiles.update(id, request, currentActor.get());
    }
}
