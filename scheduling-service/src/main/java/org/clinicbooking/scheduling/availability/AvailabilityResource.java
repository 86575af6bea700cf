package org.clinicbooking.scheduling.availability;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clinicbooking.kit.security.CurrentActor;
import org.clinicbooking.scheduling.InputFormats;

@Path("/api/doctors/{doctorId}/availability")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
public class AvailabilityResource {

    private final AvailabilityService availability;
    private final CurrentActor currentActor;

    public AvailabilityResource(AvailabilityService availability, CurrentActor currentActor) {
        this.availability = availability;
        this.currentActor = currentActor;
    }

    /** Free slots between two local dates of the clinic, both included, at most 31 days apart. */
    @GET
    public Uni<AvailabilityResponse> freeSlots(
            @PathParam("doctorId") UUID doctorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("serviceId") String serviceId) {
        return availability.freeSlots(
                doctorId,
                InputFormats.uuid("serviceId", serviceId),
                InputFormats.date("from", from),
                InputFormats.date("to", to),
                currentActor.bearerToken());
    }
}
