package org.clinicbooking.demodata.api;

/** Thrown when the gateway cannot be reached even after retries; the import stops. */
public final class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
