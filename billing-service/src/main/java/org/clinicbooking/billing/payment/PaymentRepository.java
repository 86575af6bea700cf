package org.clinicbooking.billing.payment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    /** Sums the appointment's payments in the given states; 0 when there are none. */
    public Uni<BigDecimal> total(UUID appointmentId, List<PaymentStatus> statuses) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select coalesce(sum(p.amount), 0) from Payment p"
                                        + " where p.appointmentId = :appointmentId and p.status in (:statuses)",
                                BigDecimal.class)
                        .setParameter("appointmentId", appointmentId)
                        .setParameter("statuses", statuses)
                        .getSingleResult());
    }

    public Uni<List<Payment>> completedFor(UUID appointmentId) {
        return list("appointmentId = ?1 and status = ?2 order by paidAt, id", appointmentId, PaymentStatus.COMPLETED);
    }
}
