package org.clinicbooking.user.doctor;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.security.CurrentActor;
import org.clinicbooking.user.medicalservice.MedicalServiceResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/doctors/{id}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Doctor services", description = "The medical services each doctor offers")
public class DoctorServiceLinkResource {

    private final DoctorServiceLinks links;
    private final CurrentActor currentActor;

    public DoctorServiceLinkResource(DoctorServiceLinks links, CurrentActor currentActor) {
        this.links = links;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    @Operation(summary = "List the medical services a doctor offers")
    public Uni<List<MedicalServiceResponse>> list(@PathParam("id") UUID doctorId) {
        return links.servicesOf(doctorId);
    }

    @POST
    @RolesAllowed("ADMIN")
    @Operation(summary = "Let a doctor offer a medical service; returns the service")
    public Uni<Response> link(@PathParam("id") UUID doctorId, @NotNull @Valid LinkServiceRequest request) {
        return links.link(doctorId, request.serviceId(), currentActor.get())
                .map(service ->
                        Response.status(Response.Status.CREATED).entity(service).build());
    }

    @DELETE
    @Path("/{serviceId}")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Stop a doctor offering a medical service")
    public Uni<Response> unlink(@PathParam("id") UUID doctorId, @PathParam("serviceId") UUID serviceId) {
        return links.unlink(doctorId, serviceId, currentActor.get())
                .map(ignored -> Response.noContent().build());
    }
}
