package org.clinicbooking.billing.payment;

/** How the patient paid. */
public enum PaymentMethod {
    CASH,
    CARD,
    INSURANCE,
    MOBILE_MONEY,
    BANK_TRANSFER
}
