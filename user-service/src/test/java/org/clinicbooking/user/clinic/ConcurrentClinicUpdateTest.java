package org.clinicbooking.user.clinic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicbooking.testkit.LockWaits;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.Simultaneous;
import org.clinicbooking.user.support.Simultaneous.Reply;
import org.clinicbooking.user.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * A PUT replaces the clinic without a version from the client, so simultaneous PUTs must all
 * succeed one after another (the last one wins) instead of failing on the entity's version check.
 */
@QuarkusTest
class ConcurrentClinicUpdateTest {

    private static final int RENAMES = 20;

    @Inject
    Pool pool;

    @Test
    void shouldApplyEverySimultaneousRename() throws Exception {
        UUID id = TestData.clinic();
        List<String> names = java.util.stream.IntStream.range(0, RENAMES)
                .mapToObj(i -> "Renamed clinic " + i + " " + UUID.randomUUID())
                .toList();

        List<Reply> replies = Simultaneous.send(RENAMES, i -> put(id, names.get(i)));

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.clinic.updated'"
                                + " AND aggregate_id = ?",
                        id.toString()))
                .isEqualTo(RENAMES);
        var row = TestData.row(pool, "SELECT name, version FROM clinic WHERE id = ?", id.toString());
        assertThat(row.getLong("version")).isEqualTo(RENAMES);
        assertThat(names).contains(row.getString("name"));
    }

    /**
     * Holds the clinic's row in an open transaction that changes its version, lets the PUT read
     * the old version and block on its UPDATE, then commits. The PUT's
     * {@code UPDATE ... WHERE version = ?} then matches no row, and it must run again on the
     * committed state instead of failing with 409.
     */
    @Test
    void shouldRetryUpdateAfterStaleRead() throws Exception {
        UUID id = TestData.clinic();
        String name = "Renamed after a stale read " + UUID.randomUUID();
        SqlConnection rival = pool.getConnection().await().indefinitely();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            var transaction = rival.begin().await().indefinitely();
            rival.preparedQuery("UPDATE clinic SET city = 'Mombasa', version = version + 1 WHERE id = ?")
                    .execute(Tuple.of(id.toString()))
                    .await()
                    .indefinitely();

            Future<Reply> update = sender.submit(() -> {
                var response = put(id, name);
                return new Reply(response.statusCode(), response.asString());
            });
            LockWaits.await(this::innodbStatus, table("clinic"), update);
            transaction.commit().await().indefinitely();

            Reply reply = update.get();
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        } finally {
            sender.shutdownNow();
            rival.close().await().indefinitely();
        }
        var row = TestData.row(pool, "SELECT name, city, version FROM clinic WHERE id = ?", id.toString());
        assertThat(row.getString("name")).isEqualTo(name);
        // A PUT replaces every field, so the rival's city is overwritten by the request's.
        assertThat(row.getString("city")).isEqualTo("Nairobi");
        assertThat(row.getLong("version")).isEqualTo(2);
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.clinic.updated'"
                                + " AND aggregate_id = ?",
                        id.toString()))
                .isEqualTo(1);
    }

    private static io.restassured.response.Response put(UUID id, String name) {
        Map<String, Object> body = TestData.clinicBody();
        body.put("name", name);
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .put("/api/clinics/" + id);
    }

    private String innodbStatus() {
        return TestData.row(pool, "SHOW ENGINE INNODB STATUS").getString("Status");
    }

    private String table(String name) {
        return "`" + TestData.row(pool, "SELECT DATABASE()").getString(0) + "`.`" + name + "`";
    }
}
