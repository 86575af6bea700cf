package org.clinicbooking.billing.balance;

import java.util.UUID;

/**
 * The price of an appointment and the money paid and refunded for it, as decimal strings in
 * its currency. {@code paid} counts every payment collected, including those refunded later.
 * {@code owed} is the price minus (paid minus refunded), and 0 once the appointment is cancelled.
 */
public record BalanceResponse(
        UUID appointmentId, String currency, String price, String paid, String refunded, String owed) {}
