package org.clinicbooking.scheduling.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.kit.inbox.Inbox;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.clinicbooking.kit.security.DeactivatedUsers;
import org.clinicbooking.kit.security.Role;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read model in step with user-service's events. The event id and the change commit
 * in one transaction, so a redelivered event changes nothing; a record that is not a valid event
 * goes to the dead-letter topic and the consumer carries on with the next one. Event types this
 * service does not use are recorded as processed and otherwise ignored. A deactivation is also
 * stored in {@link DeactivatedUsers}, so the user's tokens stop working here.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final Inbox inbox;
    private final DirectoryStore store;
    private final DeactivatedUsers deactivatedUsers;

    public UserEventsConsumer(Inbox inbox, DirectoryStore store, DeactivatedUsers deactivatedUsers) {
        this.inbox = inbox;
        this.store = store;
        this.deactivatedUsers = deactivatedUsers;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process(record, this::apply)
                .onFailure(MalformedEventException.class)
                .invoke(error -> LOG.warnf(
                        "Rejected a record at %s-%d offset %d: %s",
                        record.topic(), record.partition(), record.offset(), error.getMessage()));
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case "clinic.clinic.created", "clinic.clinic.updated" ->
                store.applyClinic(
                        parse(event, () -> new Clinic(event.uuid("id"), event.text("timeZone"))), event.time());
            case "clinic.doctor.created", "clinic.doctor.updated" ->
                store.applyDoctor(
                        parse(event, () -> new Doctor(event.uuid("id"), event.uuid("clinicId"), flag(event, "active"))),
                        event.time());
            case "clinic.medical-service.created", "clinic.medical-service.updated" ->
                store.applyMedicalService(
                        parse(
                                event,
                                () -> new MedicalService(
                                        event.uuid("id"),
                                        wholeNumber(event, "durationMinutes"),
                                        amount(event, "price"),
                                        event.text("currency"),
                                        flag(event, "active"))),
                        event.time());
            case "clinic.doctor-service.linked" ->
                store.applyOffering(event.uuid("doctorId"), event.uuid("serviceId"), true, event.time());
            case "clinic.doctor-service.unlinked" ->
                store.applyOffering(event.uuid("doctorId"), event.uuid("serviceId"), false, event.time());
            case "clinic.user.registered", "clinic.user.updated" -> applyUser(event);
            case DeactivatedUsers.DEACTIVATED_EVENT -> applyUser(event).call(() -> deactivatedUsers.record(event));
            default -> {
                LOG.debugf("Ignored event %s of type %s", event.id(), event.type());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> applyUser(IncomingEvent event) {
        return store.applyUser(
                parse(event, () -> new UserAccount(event.uuid("id"), role(event), flag(event, "active"))),
                event.time());
    }

    private static <T> T parse(IncomingEvent event, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + ": " + e.getMessage());
        }
    }

    private static boolean flag(IncomingEvent event, String field) {
        JsonNode value = event.data().get(field);
        if (value == null || !value.isBoolean()) {
            throw new MalformedEventException(event.type() + " lacks the boolean field " + field);
        }
        return value.booleanValue();
    }

    private static int wholeNumber(IncomingEvent event, String field) {
        JsonNode value = event.data().get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new MalformedEventException(event.type() + " lacks the whole-number field " + field);
        }
        return value.intValue();
    }

    private static BigDecimal amount(IncomingEvent event, String field) {
        try {
            return new BigDecimal(event.text(field));
        } catch (NumberFormatException e) {
            throw new MalformedEventException(event.type() + " has a field " + field + " that is not a decimal");
        }
    }

    private static Role role(IncomingEvent event) {
        try {
            return Role.valueOf(event.text("role"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " has an unknown role");
        }
    }
}
