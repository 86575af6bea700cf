package org.clinicbooking.clinical.user;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.kit.inbox.Inbox;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.clinicbooking.kit.security.DeactivatedUsers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores the user deactivations of user-service's events in {@link DeactivatedUsers}, each event
 * once, so a deactivated user's token stops working here before it expires. Other event types on
 * the topic are skipped. A record that is not a valid event fails, and the channel's dead-letter
 * strategy sends it to {@code clinical-service.dlq} with the reason.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final Inbox inbox;
    private final DeactivatedUsers deactivatedUsers;

    public UserEventsConsumer(Inbox inbox, DeactivatedUsers deactivatedUsers) {
        this.inbox = inbox;
        this.deactivatedUsers = deactivatedUsers;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process(record, DeactivatedUsers.DEACTIVATED_EVENT::equals, deactivatedUsers::record)
                .onFailure(MalformedEventException.class)
                .invoke(error -> LOG.warnf(
                        "Sending the record at %s-%d offset %d to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), error.getMessage()));
    }
}
