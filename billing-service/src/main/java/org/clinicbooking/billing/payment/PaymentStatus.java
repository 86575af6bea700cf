package org.clinicbooking.billing.payment;

/**
 * The state of a payment. Staff record payments as {@code COMPLETED}; billing marks them
 * {@code REFUNDED} when their appointment is cancelled. {@code FAILED} is reserved for a card
 * or mobile-money gateway reporting a declined charge; no path sets it yet.
 */
public enum PaymentStatus {
    COMPLETED,
    REFUNDED,
    FAILED
}
