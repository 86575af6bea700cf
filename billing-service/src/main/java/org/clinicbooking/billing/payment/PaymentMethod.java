package org.clinicbooking.billing.payment;

/** The means of payment the patient used. */
public enum PaymentMethod {
    CASH,
    CARD,
    INSURANCE,
    MOBILE_MONEY,
    BANK_TRANSFER
}
