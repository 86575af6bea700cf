package org.clinicbooking.billing.payment;

import java.util.UUID;

/**
 * The HTTP response to {@code POST /api/payments}: status and JSON body exactly as first sent,
 * so a replay for the same {@code Idempotency-Key} is byte for byte the same.
 *
 * @param replayed whether this response was stored by an earlier request with the same key
 */
public record StoredResponse(int status, String body, UUID paymentId, boolean replayed) {}
