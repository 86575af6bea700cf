package org.clinicbooking.clinical.appointment;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scheduling-service's appointment API; the base URL is {@code quarkus.rest-client.scheduling-service.url}. */
@RegisterRestClient(configKey = "scheduling-service")
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulingClient {

    /** Fails with a {@code WebApplicationException} carrying the status for any response status of 400 or more. */
    @GET
    @Path("/{id}")
    Uni<AppointmentSnapshot> appointment(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
