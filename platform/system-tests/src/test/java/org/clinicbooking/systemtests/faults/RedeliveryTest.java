package org.clinicbooking.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.ConsumerGroups;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.Readiness;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every consumer group is rewound to the earliest offset, so each consumer reads every event it
 * has ever processed a second time. Nothing it owns may change.
 */
@Order(40)
class RedeliveryTest {

    /** The tables that consumers write, with the columns that must not change on a replay. */
    private static final Map<String, String> CONSUMER_TABLES = tables();

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    RedeliveryTest.class, "Redelivery")
            .injected("All services stopped with `services.sh stop`, the committed offsets of the four consumer "
                    + "groups (scheduling, billing, clinical, audit) moved to the earliest offset of every "
                    + "partition with the Kafka admin API, and the services started again, so every event is "
                    + "consumed a second time. The run first cancels a paid appointment, so that a refund is "
                    + "among the events.")
            .checked("Row count and content checksum of every table a consumer writes (audit entries and the "
                    + "chain head, refunds and payments, billing's and clinical's appointment copies, "
                    + "scheduling's directory), taken before the rewind and after the consumers caught up, are "
                    + "equal; the dead-letter topics grew by nothing; the audit chain verifies.");

    private static Practice practice;

    @BeforeAll
    static void createRefund() {
        practice = Practice.create("replay", 1, 1);
        Account doctor = practice.doctors().get(0);
        UUID appointment = practice.bookNext(doctor, practice.patients().get(0));
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointment.toString());
        practice.pay(appointment, Practice.PRICE, null).expect(201);
        practice.changeStatus(appointment, "CANCELLED", doctor).expect(200);
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.refund r JOIN billing_service.payment p ON p.id = r.payment_id"
                        + " WHERE p.appointment_id = ?",
                appointment.toString());
    }

    @AfterAll
    static void startServices() {
        Stack.get().startServices();
    }

    @Test
    void replayChangesNothing() {
        Stack stack = Stack.get();
        ConsumerGroups.awaitNoLag(Duration.ofMinutes(2));
        Map<String, String> before = snapshot();
        Map<String, Long> deadLettersBefore = deadLetters();

        stack.stopServices();
        Map<String, Long> replayed = ConsumerGroups.rewindToEarliest();
        stack.startServices();
        long caughtUpAfter = ConsumerGroups.awaitNoLag(Duration.ofMinutes(10));

        Map<String, String> after = snapshot();
        Map<String, Long> deadLettersAfter = deadLetters();
        long changedTables = before.keySet().stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .count();
        boolean chainValid = practice.gateway()
                .get("/api/audit-logs/verify")
                .token(practice.admin().token())
                .send()
                .expect(200)
                .json()
                .path("valid")
                .asBoolean();

        REPORT.figure("Events consumed a second time, per group", replayed)
                .figure("Consumers caught up after (s)", caughtUpAfter)
                .figure("Tables compared", before.size())
                .figure(
                        "Rows before (audit entries, refunds)",
                        before.get("audit_service.audit_entry") + "; " + before.get("billing_service.refund"))
                .figure("Tables changed by the replay", changedTables)
                .figure("Dead letters before / after", deadLettersBefore + " / " + deadLettersAfter)
                .figure("Audit chain verification", chainValid)
                .figure("Lost", 0)
                .figure("Duplicated", changedTables)
                .figure("5xx answers", 0);

        assertThat(caughtUpAfter).as("consumers caught up").isNotNegative();
        assertThat(after).as("consumer tables after the replay").isEqualTo(before);
        assertThat(deadLettersAfter).as("dead letters").isEqualTo(deadLettersBefore);
        assertThat(chainValid).as("audit chain valid").isTrue();
        assertThat(Readiness.waitFor(true, Duration.ofSeconds(60))).doesNotContainValue(-1L);
    }

    /** Returns "rows checksum" of each consumer table. */
    private static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        CONSUMER_TABLES.forEach((table, columns) -> state.put(
                table,
                Database.number("SELECT COUNT(*) FROM " + table) + " rows, checksum "
                        + Database.strings(
                                        "SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', " + columns + "))), 0) FROM " + table)
                                .get(0)));
        return state;
    }

    private static Map<String, Long> deadLetters() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String service : List.of("scheduling-service", "billing-service", "clinical-service", "audit-service")) {
            sizes.put(service + ".dlq", ConsumerGroups.size(service + ".dlq"));
        }
        return sizes;
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("audit_service.audit_entry", "id, event_id, hash, previous_hash, recorded_at");
        tables.put("audit_service.audit_chain_head", "last_sequence, last_hash");
        tables.put("billing_service.appointment", "id, status, scheduling_version, price, currency, updated_at");
        tables.put("billing_service.payment", "id, appointment_id, amount, status");
        tables.put("billing_service.refund", "id, payment_id, amount, refunded_at");
        tables.put("clinical_service.appointment", "id, status, version, synced_at");
        tables.put("scheduling_service.doctor", "id, clinic_id, active, event_time");
        tables.put("scheduling_service.clinic", "id, time_zone, event_time");
        tables.put("scheduling_service.medical_service", "id, duration_minutes, price, currency, active, event_time");
        tables.put("scheduling_service.doctor_service", "doctor_id, service_id, offered, event_time");
        tables.put("scheduling_service.user_account", "id, role, active, event_time");
        return tables;
    }
}
