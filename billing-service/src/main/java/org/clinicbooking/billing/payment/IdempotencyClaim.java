package org.clinicbooking.billing.payment;

/** An {@code Idempotency-Key} and the fingerprint of the request sent with it. */
record IdempotencyClaim(String key, String fingerprint) {}
