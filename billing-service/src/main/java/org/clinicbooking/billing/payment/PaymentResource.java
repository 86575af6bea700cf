package org.clinicbooking.billing.payment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.clinicbooking.kit.security.CurrentActor;

@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    /** Marks a response replayed for a repeated {@code Idempotency-Key}: its status and body are the first ones. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final PaymentRecorder recorder;
    private final PaymentQueries queries;
    private final CurrentActor currentActor;

    public PaymentResource(PaymentRecorder recorder, PaymentQueries queries, CurrentActor currentActor) {
        this.recorder = recorder;
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @POST
    @RolesAllowed({"STAFF", "ADMIN"})
    public Uni<Response> record(
            @NotNull @Valid RecordPaymentRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        String key = IdempotencyKeys.validate(idempotencyKey);
        return recorder.record(request, key, currentActor.get(), currentActor.bearerToken())
                .map(PaymentResource::toResponse);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    public Uni<PaymentResponse> get(@PathParam("id") UUID id) {
        return queries.get(id, currentActor.get());
    }

    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    public Uni<Page<PaymentResponse>> list(
            @QueryParam("appointmentId") UUID appointmentId,
            @QueryParam("patientId") UUID patientId,
            @QueryParam("status") PaymentStatus status,
            @BeanParam @Valid PageRequest page) {
        return queries.list(appointmentId, patientId, status, page, currentActor.get());
    }

    private static Response toResponse(StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(stored.body());
        if (stored.paymentId() != null) {
            response.location(URI.create("/api/payments/" + stored.paymentId()));
        }
        if (stored.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
