package org.clinicbooking.clinical.prescription;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/api/prescriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrescriptionResource {

    private final PrescriptionService prescriptionService;
    private final CurrentActor currentActor;

    public PrescriptionResource(PrescriptionService prescriptionService, CurrentActor currentActor) {
        this.prescriptionService = prescriptionService;
        this.currentActor = currentActor;
    }

    @POST
    @RolesAllowed("DOCTOR")
    public Uni<Response> issue(@NotNull @Valid IssuePrescriptionRequest request) {
        Actor doctor = currentActor.get();
        return prescriptionService
                .issue(request, doctor, currentActor.bearerToken())
                .map(prescription -> Response.created(URI.create("/api/prescriptions/" + prescription.id()))
                        .entity(PrescriptionResponse.of(prescription))
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    public Uni<PrescriptionResponse> get(@PathParam("id") UUID id) {
        return prescriptionService.find(id, currentActor.get()).map(PrescriptionResponse::of);
    }

    /** Lists prescriptions newest first; without filters, all that the caller may read. */
    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    public Uni<Page<PrescriptionResponse>> list(
            @QueryParam("patientId") UUID patientId,
            @QueryParam("appointmentId") UUID appointmentId,
            @BeanParam @Valid PageRequest page) {
        return prescriptionService
                .list(currentActor.get(), patientId, appointmentId, page)
                .map(found -> found.map(PrescriptionResponse::of));
    }
}
