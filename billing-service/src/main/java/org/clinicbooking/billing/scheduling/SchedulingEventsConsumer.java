package org.clinicbooking.billing.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.billing.appointment.AppointmentFacts;
import org.clinicbooking.billing.appointment.AppointmentReadModel;
import org.clinicbooking.billing.refund.RefundService;
import org.clinicbooking.kit.inbox.Inbox;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies scheduling-service's appointment events to the read model, and refunds the payments
 * of a cancelled appointment, each event once. Other event types on the topic are skipped. A
 * record that is not a valid appointment event fails, and the channel's dead-letter strategy
 * sends it to {@code billing-service.dlq} with the reason.
 */
@ApplicationScoped
public class SchedulingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SchedulingEventsConsumer.class);

    private final ObjectMapper json;
    private final Inbox inbox;
    private final AppointmentReadModel appointments;
    private final RefundService refunds;

    public SchedulingEventsConsumer(
            ObjectMapper json, Inbox inbox, AppointmentReadModel appointments, RefundService refunds) {
        this.json = json;
        this.inbox = inbox;
        this.appointments = appointments;
        this.refunds = refunds;
    }

    @Incoming("scheduling-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process(record, AppointmentEvents::isAppointmentChange, this::apply)
                .onFailure(MalformedEventException.class)
                .invoke(error -> LOG.warnf(
                        "Sending the record at %s-%d offset %d to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), error.getMessage()));
    }

    private Uni<Void> apply(IncomingEvent event) {
        AppointmentFacts facts = readFacts(event);
        Uni<Void> stored = appointments
                .apply(facts)
                .invoke(() -> LOG.debugf(
                        "Applied %s of appointment %s, version %d", event.type(), facts.id(), facts.version()));
        if (!AppointmentEvents.CANCELLED.equals(event.type())) {
            return stored;
        }
        return stored.chain(() -> refunds.refundCancelledAppointment(facts.id()))
                .replaceWithVoid();
    }

    private AppointmentFacts readFacts(IncomingEvent event) {
        AppointmentFacts facts;
        try {
            facts = json.treeToValue(event.data(), AppointmentFacts.class);
        } catch (JsonProcessingException e) {
            // Only the fields of AppointmentFacts are read, so the message never quotes free text such as a reason.
            throw new MalformedEventException(event.type() + " " + event.id() + " has data that is not an appointment: "
                    + e.getOriginalMessage());
        }
        List<String> defects = facts.defects();
        if (!defects.isEmpty()) {
            throw new MalformedEventException(event.type() + " " + event.id() + " " + String.join(", ", defects));
        }
        if (!facts.id().toString().equals(event.subject())) {
            throw new MalformedEventException(
                    event.type() + " " + event.id() + " has subject " + event.subject() + " but data.id " + facts.id());
        }
        return facts;
    }
}
