package org.clinicbooking.billing.refund;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    /** Sums the refunds of the appointment's payments; 0 when there are none. */
    public Uni<BigDecimal> totalForAppointment(UUID appointmentId) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select coalesce(sum(r.amount), 0) from Refund r where r.paymentId in"
                                        + " (select p.id from Payment p where p.appointmentId = :appointmentId)",
                                BigDecimal.class)
                        .setParameter("appointmentId", appointmentId)
                        .getSingleResult());
    }
}
