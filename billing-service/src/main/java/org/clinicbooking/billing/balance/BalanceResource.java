package org.clinicbooking.billing.balance;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clinicbooking.kit.security.CurrentActor;

/** {@code GET /api/payments/balance}: JAX-RS matches this literal path before {@code /api/payments/{id}}. */
@Path("/api/payments/balance")
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    private final BalanceService balances;
    private final CurrentActor currentActor;

    public BalanceResource(BalanceService balances, CurrentActor currentActor) {
        this.balances = balances;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
    public Uni<BalanceResponse> balance(@NotNull @QueryParam("appointmentId") UUID appointmentId) {
        return balances.balance(appointmentId, currentActor.get(), currentActor.bearerToken());
    }
}
