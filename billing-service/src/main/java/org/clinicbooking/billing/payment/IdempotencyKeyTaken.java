package org.clinicbooking.billing.payment;

/**
 * Another request with the same {@code Idempotency-Key} committed first. {@link PaymentRecorder}
 * catches it and replays that request's response, so it never reaches a client.
 */
class IdempotencyKeyTaken extends RuntimeException {

    IdempotencyKeyTaken(String key) {
        super("Idempotency-Key " + key + " was claimed by another request", null, false, false);
    }
}
