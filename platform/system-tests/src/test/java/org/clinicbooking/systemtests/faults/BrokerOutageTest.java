package org.clinicbooking.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.EventLedger;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.Readiness;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Reply;
import org.clinicbooking.systemtests.support.Stack;
import org.clinicbooking.systemtests.support.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away while the four publishing services keep taking changes. The outbox must hold
 * every event until the broker is back, and the audit log must end with one entry per change.
 */
@Order(50)
class BrokerOutageTest {

    private static final int CHANGES = Integer.getInteger("outage.changes", 1_000);
    private static final int CLIENTS = 8;
    private static final int TARGETS = 10;

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    BrokerOutageTest.class, "Broker outage")
            .injected("Kafka stopped with `deploy/local/kafka.sh stop` (the broker process ends), then "
                    + CHANGES + " changes sent through the gateway from " + CLIENTS + " clients: bookings "
                    + "(scheduling), payments (billing), prescriptions (clinical) and clinic renames (user), "
                    + "a quarter each. Kafka started again with `kafka.sh start`.")
            .checked("Every change answered 2xx while the broker was down. Each service's /q/health/ready "
                    + "turned 503 during the outage and 200 after it without a restart. After recovery every "
                    + "outbox row written since the start is published, every committed event is on its "
                    + "topic, and the audit log holds exactly one entry per event; every created booking, "
                    + "payment and prescription and every rename has its event.");

    private static Practice practice;
    private static final List<UUID> unpaid = new ArrayList<>();
    private static final List<UUID> confirmed = new ArrayList<>();
    private static final List<UUID> clinics = new ArrayList<>();

    @BeforeAll
    static void createTargets() {
        practice = Practice.create("outage", 4, 4);
        Account doctor = practice.doctors().get(0);
        Account patient = practice.patients().get(0);
        for (int i = 0; i < TARGETS; i++) {
            unpaid.add(practice.bookNext(doctor, patient));
            UUID appointment = practice.bookNext(doctor, patient);
            practice.changeStatus(appointment, "CONFIRMED", doctor).expect(200);
            confirmed.add(appointment);
            clinics.add(practice.gateway()
                    .post("/api/clinics")
                    .token(practice.admin().token())
                    .json(Map.of(
                            "name", "Outage clinic " + i,
                            "address", "1 Loopback Road",
                            "city", "Testville",
                            "phone", "+15550000001",
                            "timeZone", "UTC"))
                    .send()
                    .expect(201)
                    .id());
        }

        // Payments and prescriptions need billing's and clinical's copies of the appointments.
        List<String> ids = new ArrayList<>();
        unpaid.forEach(id -> ids.add(id.toString()));
        Database.awaitNumber(
                TARGETS,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id IN (" + Database.placeholders(TARGETS) + ")",
                ids.toArray());
        List<String> confirmedIds = new ArrayList<>();
        confirmed.forEach(id -> confirmedIds.add(id.toString()));
        Database.awaitNumber(
                TARGETS,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM clinical_service.appointment WHERE status = 'CONFIRMED' AND id IN ("
                        + Database.placeholders(TARGETS) + ")",
                confirmedIds.toArray());
    }

    @AfterAll
    static void restoreKafka() {
        Stack.get().startKafka();
    }

    @Test
    void outboxDeliversEveryChangeAfterOutage() {
        Stack stack = Stack.get();
        Account doctor = practice.doctors().get(0);
        EventLedger.Mark mark = EventLedger.mark();

        stack.stopKafka();
        Map<String, Long> downAfter = Readiness.waitFor(false, Duration.ofSeconds(90));

        List<Reply> replies = Traffic.run(CHANGES, CLIENTS, i -> switch (i % 4) {
            case 0 ->
                practice.book(
                        practice.doctors().get(1 + i % 3), practice.patients().get(1 + i % 3), practice.nextSlot());
            case 1 -> practice.pay(unpaid.get(i / 4 % TARGETS), "0.01", null);
            case 2 -> practice.prescribe(confirmed.get(i / 4 % TARGETS), doctor);
            default ->
                practice.gateway()
                        .put("/api/clinics/" + clinics.get(i / 4 % TARGETS))
                        .token(practice.admin().token())
                        .json(Map.of(
                                "name", "Outage clinic renamed " + i,
                                "address", "1 Loopback Road",
                                "city", "Testville",
                                "phone", "+15550000001",
                                "timeZone", "UTC"))
                        .send();
        });

        stack.startKafka();
        Map<String, Long> upAfter = Readiness.waitFor(true, Duration.ofSeconds(180));
        EventLedger.Settlement settlement = EventLedger.settle(mark, Duration.ofMinutes(3));

        long accepted = replies.stream().filter(Reply::isSuccess).count();
        long changesWithoutEvent = 0;
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            if (reply.isSuccess() && i % 4 != 3) {
                String aggregate = reply.json().path("id").asText();
                if (!settlement.eventIdsByAggregate().containsKey(aggregate)) {
                    changesWithoutEvent++;
                }
            }
        }
        long renames = replies.stream()
                .filter(reply -> reply.request().startsWith("PUT /api/clinics/") && reply.isSuccess())
                .count();
        long renameEvents = clinics.stream()
                .mapToLong(id -> settlement
                        .eventIdsByAggregate()
                        .getOrDefault(id.toString(), List.of())
                        .size())
                .sum();

        REPORT.figure("Changes sent while Kafka was down", CHANGES)
                .figure("Answers by status", Traffic.statuses(replies))
                .figure("Readiness 503 after (s, per service)", downAfter)
                .figure("Readiness 200 again after Kafka start (s)", upAfter)
                .figure("Events committed to the outboxes", settlement.committed())
                .figure("Events still unpublished", settlement.unpublished())
                .figure("Events missing on Kafka", settlement.missingOnTopic())
                .figure("Extra copies on Kafka (absorbed by the consumers)", settlement.topicRedeliveries())
                .figure("Audit entries for those events", settlement.audited())
                .figure("Changes answered 2xx without an event", changesWithoutEvent)
                .figure("Clinic renames / their events", renames + " / " + renameEvents)
                .figure("Lost", settlement.lostInAudit() + changesWithoutEvent + settlement.missingOnTopic())
                .figure("Duplicated", settlement.auditDuplicates())
                .figure("5xx answers", Traffic.serverErrors(replies));

        assertThat(downAfter).as("every service reports the outage").doesNotContainValue(-1L);
        assertThat(upAfter).as("every service recovers by itself").doesNotContainValue(-1L);
        assertThat(accepted).as("changes accepted while Kafka was down").isEqualTo(CHANGES);
        assertThat(settlement.unpublished()).as("unpublished events").isZero();
        assertThat(settlement.missingOnTopic()).as("events missing on Kafka").isZero();
        assertThat(settlement.lostInAudit()).as("events without an audit entry").isZero();
        assertThat(settlement.auditDuplicates()).as("duplicate audit entries").isZero();
        assertThat(changesWithoutEvent).as("changes without an event").isZero();
        assertThat(renameEvents).as("one event per clinic rename").isEqualTo(renames);
    }
}
