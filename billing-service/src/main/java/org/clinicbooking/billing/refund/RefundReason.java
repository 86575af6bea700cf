package org.clinicbooking.billing.refund;

/** The reason billing refunded a payment. */
public enum RefundReason {
    /** The appointment was cancelled after it was paid: every completed payment is refunded in full. */
    APPOINTMENT_CANCELLED
}
