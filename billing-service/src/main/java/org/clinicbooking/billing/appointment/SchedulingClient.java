package org.clinicbooking.billing.appointment;

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

/** scheduling-service's appointment API, called with the caller's own bearer token. */
@RegisterRestClient(configKey = "scheduling-service")
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulingClient {

    @GET
    @Path("/{id}")
    Uni<AppointmentFacts> appointment(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
