package org.clinicbooking.billing.balance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.billing.appointment.Appointment;
import org.clinicbooking.billing.appointment.AppointmentDirectory;
import org.clinicbooking.billing.payment.Money;
import org.clinicbooking.billing.payment.PaymentRepository;
import org.clinicbooking.billing.payment.PaymentStatus;
import org.clinicbooking.billing.refund.RefundRepository;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;

/** Computes what an appointment costs, what was paid and refunded, and what is still owed. */
@ApplicationScoped
public class BalanceService {

    private final AppointmentDirectory directory;
    private final PaymentRepository payments;
    private final RefundRepository refunds;

    public BalanceService(AppointmentDirectory directory, PaymentRepository payments, RefundRepository refunds) {
        this.directory = directory;
        this.payments = payments;
        this.refunds = refunds;
    }

    /**
     * Emits the balance, asking scheduling-service for an appointment the read model lacks.
     * Fails with 403 unless the actor may see the appointment (staff, its patient, its doctor).
     */
    public Uni<BalanceResponse> balance(UUID appointmentId, Actor actor, String bearerToken) {
        return directory.require(appointmentId, bearerToken).chain(appointment -> {
            if (!appointment.isVisibleTo(actor)) {
                throw ProblemException.forbidden("You may see only the balance of your own appointments.");
            }
            return Panache.withSession(() -> payments.total(
                            appointmentId, List.of(PaymentStatus.COMPLETED, PaymentStatus.REFUNDED))
                    .chain(paid -> refunds.totalForAppointment(appointmentId)
                            .map(refunded -> of(appointment, paid, refunded))));
        });
    }

    private static BalanceResponse of(Appointment appointment, BigDecimal paid, BigDecimal refunded) {
        // Nothing is owed for a cancelled appointment: its payments are refunded from the cancellation event.
        BigDecimal owed = appointment.isCancelled()
                ? BigDecimal.ZERO
                : appointment.price().subtract(paid.subtract(refunded)).max(BigDecimal.ZERO);
        String currency = appointment.currency();
        return new BalanceResponse(
                appointment.id(),
                currency,
                Money.format(appointment.price(), currency),
                Money.format(paid, currency),
                Money.format(refunded, currency),
                Money.format(owed, currency));
    }
}
