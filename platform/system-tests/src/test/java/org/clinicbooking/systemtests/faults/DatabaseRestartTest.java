package org.clinicbooking.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** MariaDB restarts under load; the services must reconnect without being restarted themselves. */
@Order(70)
class DatabaseRestartTest {

    private static final int CLIENTS = 4;
    private static final Duration LOAD_AFTER_RECOVERY = Duration.ofSeconds(5);

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    DatabaseRestartTest.class, "Database restart")
            .injected("Bookings from " + CLIENTS + " clients through the gateway while MariaDB is shut down and "
                    + "started again with `deploy/local/mariadb.sh restart`; the load goes on "
                    + LOAD_AFTER_RECOVERY.toSeconds() + " s after every service is ready again.")
            .checked("No service is restarted (same process ids before and after); readiness turns 200 again "
                    + "by itself; while the database is away every answer is a 503 problem, never a 500 (a "
                    + "request caught in flight gets the services' 20 s request deadline, also a 503 problem); "
                    + "20 bookings sent after the load all succeed; every booking answered 201 has its row and event, "
                    + "and every event its single audit entry.");

    private static Practice practice;

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("dbrestart", 2, 2);
    }

    @Test
    void servicesReconnectByThemselves() throws Exception {
        Stack stack = Stack.get();
        Map<String, String> pidsBefore = pids();
        EventLedger.Mark mark = EventLedger.mark();
        AtomicBoolean stop = new AtomicBoolean();

        CompletableFuture<List<Reply>> load = CompletableFuture.supplyAsync(() -> Traffic.until(
                stop::get,
                CLIENTS,
                i -> practice.book(
                        practice.doctors().get(i % 2), practice.patients().get(i % 2), practice.nextSlot())));
        Thread.sleep(2_000);
        Instant restartAt = Instant.now();
        stack.restartDatabase();
        long databaseDownSeconds = Duration.between(restartAt, Instant.now()).toSeconds();
        Map<String, Long> readyAfter = Readiness.waitFor(true, Duration.ofSeconds(120));
        Thread.sleep(LOAD_AFTER_RECOVERY.toMillis());
        stop.set(true);
        List<Reply> replies = new java.util.ArrayList<>(load.get());
        List<Reply> tail = Traffic.run(
                20,
                CLIENTS,
                i -> practice.book(
                        practice.doctors().get(i % 2), practice.patients().get(i % 2), practice.nextSlot()));
        replies.addAll(tail);
        Map<String, String> pidsAfter = pids();

        EventLedger.Settlement settlement = EventLedger.settle(mark, Duration.ofMinutes(3));
        long created = replies.stream().filter(reply -> reply.status() == 201).count();
        long bookingEvents = settlement.eventIdsByAggregate().size();
        long createdWithoutEvent = replies.stream()
                .filter(reply -> reply.status() == 201)
                .map(reply -> reply.json().path("id").asText())
                .filter(id -> !settlement.eventIdsByAggregate().containsKey(id))
                .count();
        long unavailable = replies.stream()
                .filter(reply -> reply.status() == 503 && reply.isProblem())
                .count();
        long otherServerErrors = Traffic.serverErrors(replies) - unavailable;

        REPORT.figure("Bookings sent", replies.size())
                .figure("Answers by status", Traffic.statuses(replies))
                .figure("Restart took (s)", databaseDownSeconds)
                .figure("Readiness 200 again after the restart (s)", readyAfter)
                .figure("Service process ids unchanged", pidsBefore.equals(pidsAfter))
                .figure("503 problems while the database was away", unavailable)
                .figure("Bookings sent after the load, once all were ready", Traffic.statuses(tail))
                .figure("Bookings committed / answered 201", bookingEvents + " / " + created)
                .figure("Committed while the caller got a 503 (its outcome unknown to it)", bookingEvents - created)
                .figure("Events committed to the outboxes", settlement.committed())
                .figure("Events still unpublished", settlement.unpublished())
                .figure("Audit entries for those events", settlement.audited())
                .figure("Lost", settlement.lostInAudit() + createdWithoutEvent)
                .figure("Duplicated", settlement.auditDuplicates())
                .figure(
                        "5xx answers",
                        otherServerErrors + " (plus " + unavailable + " × 503 while the database was away)");

        assertThat(Database.reachable()).as("database back").isTrue();
        assertThat(pidsAfter).as("no service restarted").isEqualTo(pidsBefore);
        assertThat(readyAfter).as("every service ready again").doesNotContainValue(-1L);
        assertThat(otherServerErrors).as("5xx other than 503").isZero();
        assertThat(tail)
                .as("bookings after recovery")
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.describe()).isEqualTo(201));
        assertThat(createdWithoutEvent).as("201 answers without an event").isZero();
        assertThat(settlement.unpublished()).as("unpublished events").isZero();
        assertThat(settlement.lostInAudit()).as("events without an audit entry").isZero();
        assertThat(settlement.auditDuplicates()).as("duplicate audit entries").isZero();
    }

    private static Map<String, String> pids() throws IOException {
        Map<String, String> pids = new LinkedHashMap<>();
        for (String service : Stack.SERVICES.keySet()) {
            pids.put(
                    service,
                    Files.readString(Stack.get().repositoryRoot().resolve("deploy/local/.run/pids/" + service + ".pid"))
                            .trim());
        }
        return pids;
    }
}
