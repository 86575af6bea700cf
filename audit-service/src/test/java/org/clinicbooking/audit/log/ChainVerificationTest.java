package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Tampers with entries straight in the database and checks that verification names the first
 * broken one. Each test puts the rows back afterwards, so the chain is intact for the others.
 */
@QuarkusTest
class ChainVerificationTest {

    @Inject
    Pool pool;

    @Inject
    AuditRecorder recorder;

    @Inject
    AuditEntryRepository repository;

    @Test
    void shouldReportIntactChain() {
        recordOne();

        JsonPath result = verify();

        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getLong("entriesChecked")).isPositive();
        assertThat(result.getMap("$")).doesNotContainKeys("firstBrokenEntry", "reason");
    }

    @Test
    void shouldNameEntryWhosePayloadWasEdited() {
        recordOne();
        AuditEntry edited = recordOne();
        recordOne();
        assertThat(verify().getBoolean("valid")).isTrue();

        AuditLogRows rows = new AuditLogRows(pool);
        rows.execute(
                "UPDATE audit_entry SET payload = ? WHERE id = ?", Tuple.of("{\"status\":\"CANCELLED\"}", edited.id()));
        try {
            JsonPath result = verify();

            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBrokenEntry.id")).isEqualTo(edited.id());
            assertThat(result.getString("firstBrokenEntry.eventId"))
                    .isEqualTo(edited.content().eventId());
            assertThat(result.getString("reason")).contains("hash does not match");
            assertThat(result.getLong("entriesChecked")).isEqualTo(edited.id());
        } finally {
            rows.execute(
                    "UPDATE audit_entry SET payload = ? WHERE id = ?",
                    Tuple.of(edited.content().payload(), edited.id()));
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void shouldNameEntryAfterDeletedOne() {
        recordOne();
        AuditEntry deleted = recordOne();
        recordOne();

        AuditLogRows rows = new AuditLogRows(pool);
        rows.execute("DELETE FROM audit_entry WHERE id = ?", Tuple.of(deleted.id()));
        try {
            JsonPath result = verify();

            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBrokenEntry.id")).isEqualTo(deleted.id() + 1);
            assertThat(result.getString("reason")).contains("Entry " + deleted.id() + " is missing");
        } finally {
            repository.insert(pool, deleted).await().indefinitely();
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void shouldNameFirstOfTwoSwappedEntries() {
        AuditEntry first = recordOne();
        AuditEntry second = recordOne();
        recordOne();
        // Swapping the ids of two neighbours reorders them while each keeps a hash that matches its fields.
        long parked = Long.MAX_VALUE - second.id();

        AuditLogRows rows = new AuditLogRows(pool);
        swapIds(rows, first.id(), second.id(), parked);
        try {
            JsonPath result = verify();

            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBrokenEntry.id")).isEqualTo(first.id());
            assertThat(result.getString("firstBrokenEntry.eventId"))
                    .isEqualTo(second.content().eventId());
            assertThat(result.getString("reason")).contains("previous hash does not match");
        } finally {
            swapIds(rows, first.id(), second.id(), parked);
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    private AuditEntry recordOne() {
        return recorder.record(SampleContent.any()).await().indefinitely().orElseThrow();
    }

    private static void swapIds(AuditLogRows rows, long a, long b, long parked) {
        rows.execute("UPDATE audit_entry SET id = ? WHERE id = ?", Tuple.of(parked, a));
        rows.execute("UPDATE audit_entry SET id = ? WHERE id = ?", Tuple.of(a, b));
        rows.execute("UPDATE audit_entry SET id = ? WHERE id = ?", Tuple.of(b, parked));
    }

    private static JsonPath verify() {
        return given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/audit-logs/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
