package org.clinicbooking.kit.inbox;

/** A Kafka record that is not a valid event: it goes to the dead-letter topic with this message as the reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super("Malformed event: " + reason);
    }
}
