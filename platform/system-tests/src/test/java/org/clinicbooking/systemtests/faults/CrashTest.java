package org.clinicbooking.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * SIGKILL in the middle of a booking load: the producer of the events (scheduling-service) and
 * their last consumer (audit-service) die without a chance to finish what they were doing.
 */
@Order(60)
class CrashTest {

    private static final int CLIENTS = 8;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(5);
    private static final Duration LOAD_AFTER_RESTART = Duration.ofSeconds(5);

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(CrashTest.class, "Crash")
            .injected("Bookings from " + CLIENTS + " clients through the gateway; after "
                    + LOAD_BEFORE_KILL.toSeconds() + " s scheduling-service gets SIGKILL, and a moment later "
                    + "audit-service too, while it is writing audit entries. Both are started again with "
                    + "`deploy/local/services.sh start` while the load goes on, and the load runs "
                    + LOAD_AFTER_RESTART.toSeconds() + " s more.")
            .checked("Every booking answered 201 has its row and its event; every appointment row of the run "
                    + "has its outbox event and every outbox event its row (no half-written booking); the "
                    + "outboxes drain; the audit log holds exactly one entry per event and its hash chain "
                    + "verifies. Answers other than 201 while a service was dead are counted: the gateway "
                    + "answers 502 for a dead upstream.");

    private static Practice practice;

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("crash", 4, 4);
    }

    @AfterAll
    static void restartServices() {
        Stack.get().startServices();
    }

    @Test
    void killedServicesLoseNothing() throws Exception {
        Stack stack = Stack.get();
        EventLedger.Mark mark = EventLedger.mark();
        AtomicBoolean stop = new AtomicBoolean();

        CompletableFuture<List<Reply>> load = CompletableFuture.supplyAsync(() -> Traffic.until(
                stop::get,
                CLIENTS,
                i -> practice.book(
                        practice.doctors().get(i % 4), practice.patients().get(i % 4), practice.nextSlot())));
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        stack.kill("scheduling-service");
        Thread.sleep(1_000);
        stack.kill("audit-service");
        stack.startServices();
        Thread.sleep(LOAD_AFTER_RESTART.toMillis());
        stop.set(true);
        List<Reply> replies = load.get();

        EventLedger.Settlement settlement = EventLedger.settle(mark, Duration.ofMinutes(3));
        List<String> created = replies.stream()
                .filter(reply -> reply.status() == 201)
                .map(reply -> reply.json().path("id").asText())
                .toList();
        long createdWithoutEvent = created.stream()
                .filter(id -> !settlement.eventIdsByAggregate().containsKey(id))
                .count();
        String doctors = practice.doctors().stream()
                .map(doctor -> "'" + doctor.id() + "'")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        long rows = Database.number(
                "SELECT COUNT(*) FROM scheduling_service.appointment WHERE doctor_id IN (" + doctors + ")");
        long rowsWithoutEvent = Database.number("SELECT COUNT(*) FROM scheduling_service.appointment a"
                + " WHERE a.doctor_id IN (" + doctors + ") AND NOT EXISTS (SELECT 1 FROM"
                + " scheduling_service.outbox_event o WHERE o.aggregate_id = a.id)");
        long eventsWithoutRow = Database.number(
                "SELECT COUNT(*) FROM scheduling_service.outbox_event o"
                        + " WHERE o.id > ? AND o.aggregate_type = 'appointment' AND NOT EXISTS (SELECT 1 FROM"
                        + " scheduling_service.appointment a WHERE a.id = o.aggregate_id)",
                mark.outboxIds().get("scheduling_service"));
        Reply verify = practice.gateway()
                .get("/api/audit-logs/verify")
                .token(practice.admin().token())
                .send();
        Map<Integer, Integer> statuses = Traffic.statuses(replies);
        long gatewayErrors = replies.stream()
                .filter(reply -> reply.status() == 502 || reply.status() == 503 || reply.status() == 504)
                .count();
        long otherServerErrors = Traffic.serverErrors(replies) - gatewayErrors;

        REPORT.figure("Bookings sent", replies.size())
                .figure("Answers by status", statuses)
                .figure("Appointment rows of the run / answered 201", rows + " / " + created.size())
                .figure("Committed without a 201 (the answer was lost with the process)", rows - created.size())
                .figure("Appointment rows without an outbox event", rowsWithoutEvent)
                .figure("Appointment events without a row", eventsWithoutRow)
                .figure("Events committed to the outboxes", settlement.committed())
                .figure("Events still unpublished", settlement.unpublished())
                .figure("Extra copies on Kafka (absorbed by the consumers)", settlement.topicRedeliveries())
                .figure("Audit entries for those events", settlement.audited())
                .figure("Audit chain verification", verify.json().path("valid").asText())
                .figure("Lost", settlement.lostInAudit() + createdWithoutEvent + rowsWithoutEvent)
                .figure("Duplicated", settlement.auditDuplicates())
                .figure(
                        "5xx answers",
                        otherServerErrors + " (plus " + gatewayErrors + " gateway answers for a dead upstream)");

        assertThat(created).as("bookings that succeeded").isNotEmpty();
        assertThat(rows).as("rows cannot be fewer than 201 answers").isGreaterThanOrEqualTo(created.size());
        assertThat(createdWithoutEvent).as("201 answers without an event").isZero();
        assertThat(rowsWithoutEvent).as("rows without an event").isZero();
        assertThat(eventsWithoutRow).as("events without a row").isZero();
        assertThat(settlement.unpublished()).as("unpublished events").isZero();
        assertThat(settlement.lostInAudit()).as("events without an audit entry").isZero();
        assertThat(settlement.auditDuplicates()).as("duplicate audit entries").isZero();
        assertThat(verify.status()).as("verify status").isEqualTo(200);
        assertThat(verify.json().path("valid").asBoolean())
                .as("audit chain valid")
                .isTrue();
        assertThat(otherServerErrors)
                .as("5xx answers from the services themselves")
                .isZero();
        assertThat(Readiness.waitFor(true, Duration.ofSeconds(60))).doesNotContainValue(-1L);
    }
}
