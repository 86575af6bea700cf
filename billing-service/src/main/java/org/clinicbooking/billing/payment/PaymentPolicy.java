package org.clinicbooking.billing.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.clinicbooking.billing.appointment.Appointment;
import org.clinicbooking.kit.problem.Problem;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;

/** The rules a payment must meet against its appointment. Each fails with the problem the client receives. */
final class PaymentPolicy {

    private PaymentPolicy() {}

    /** Rejects a payment for a cancelled appointment with 409, because its state, not the request, is the obstacle. */
    static void requireNotCancelled(Appointment appointment) {
        if (appointment.isCancelled()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Appointment " + appointment.id() + " is cancelled, so no payment can be recorded for it.");
        }
    }

    static void requireCurrency(Appointment appointment, RecordPaymentRequest request) {
        if (!appointment.currency().equals(request.currency())) {
            String message = "must be " + appointment.currency() + ", the currency of the appointment's price";
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "The payment is in " + request.currency() + " but appointment " + appointment.id()
                            + " is priced in " + appointment.currency() + ".",
                    List.of(new Problem.FieldError("currency", message)),
                    Map.of());
        }
    }

    /** JPY has no minor unit, so 100.50 JPY is not an amount that can be paid. */
    static void requireCurrencyScale(RecordPaymentRequest request) {
        int scale = Money.scale(request.currency());
        if (request.amount().stripTrailingZeros().scale() > scale) {
            throw ProblemException.invalidField(
                    "amount", "must have at most " + scale + " decimal places in " + request.currency());
        }
    }

    /**
     * The net paid total (completed payments; refunded ones no longer count) plus this payment
     * must not exceed the price. 422, with the amount still owed as {@code amountOwed}.
     */
    static void requireWithinPrice(Appointment appointment, BigDecimal paid, BigDecimal amount) {
        BigDecimal owed = appointment.price().subtract(paid).max(BigDecimal.ZERO);
        if (amount.compareTo(owed) <= 0) {
            return;
        }
        String currency = appointment.currency();
        String owedText = Money.format(owed, currency);
        String detail = owed.signum() == 0
                ? "Appointment " + appointment.id() + " is fully paid: 0 " + currency + " is owed, so "
                        + Money.format(amount, currency) + " " + currency + " cannot be recorded."
                : "A payment of " + Money.format(amount, currency) + " " + currency + " would exceed the price of "
                        + Money.format(appointment.price(), currency) + " " + currency + ": only " + owedText + " "
                        + currency + " is still owed.";
        throw new ProblemException(
                ProblemType.UNPROCESSABLE, detail, List.of(), Map.of("amountOwed", owedText, "currency", currency));
    }
}
