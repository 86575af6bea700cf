package org.clinicbooking.scheduling.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The calls scheduling makes to user-service when its read model lacks a record. Every call
 * carries the caller's own bearer token, so user-service applies its own access rules.
 */
@RegisterRestClient(configKey = "user-service")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface UserServiceClient {

    @GET
    @Path("/doctors/{id}")
    Uni<DoctorView> doctor(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/clinics/{id}")
    Uni<ClinicView> clinic(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/medical-services/{id}")
    Uni<MedicalServiceView> medicalService(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** A JSON array of services, or a page whose {@code items} are; both shapes are read. */
    @GET
    @Path("/doctors/{id}/services")
    Uni<JsonNode> doctorServices(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/users/{id}")
    Uni<UserView> user(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The fields of user-service's {@code DoctorResponse} that scheduling uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DoctorView(UUID id, UUID clinicId, Boolean active) {}

    /** The fields of user-service's {@code ClinicResponse} that scheduling uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClinicView(UUID id, String timeZone) {}

    /** The fields of user-service's {@code MedicalServiceResponse} that scheduling uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MedicalServiceView(UUID id, Integer durationMinutes, BigDecimal price, String currency, Boolean active) {}

    /** The fields of user-service's {@code UserResponse} that scheduling uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserView(UUID id, String role, Boolean active) {}
}
