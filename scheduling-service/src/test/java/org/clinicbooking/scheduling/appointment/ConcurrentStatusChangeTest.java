package org.clinicbooking.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.LockWaits;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Changes of one appointment at the same time. The client sends no version, so a change that
 * read a version another request has since replaced runs again on the committed state. It then
 * succeeds if the state machine still allows it, and fails with 409 {@code invalid-transition}
 * if not, but never with 409 {@code concurrent-update}.
 */
@QuarkusTest
class ConcurrentStatusChangeTest {

    private static final String INVALID_TRANSITION = "https://clinic-booking.org/problems/invalid-transition";

    @Inject
    Pool pool;

    /**
     * Holds the appointment's row in an open transaction that confirms it, lets the cancellation
     * read the old version and block on its UPDATE, then commits. The cancellation's
     * {@code UPDATE ... WHERE version = ?} matches no row, so it runs again on the confirmed
     * appointment, which staff may cancel too.
     */
    @Test
    void shouldRetryChangeAfterStaleRead() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        String id = Api.bookAsStaff(readModel.patient(), practice, Api.futureMonday() + "T10:00:00Z");

        ExtractableResponse<Response> response = whileRivalConfirms(
                readModel,
                id,
                () -> Api.changeStatus(TestTokens.staff(), id, "CANCELLED").extract());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.<String>path("status")).isEqualTo("CANCELLED");
        var row = readModel
                .rows("SELECT status, version FROM appointment WHERE id = ?", id)
                .get(0);
        assertThat(row.getString("status")).isEqualTo("CANCELLED");
        assertThat(row.getLong("version")).isEqualTo(2);
        assertThat(readModel.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.appointment.cancelled'"
                                + " AND aggregate_id = ?",
                        id))
                .isEqualTo(1);
    }

    /** As above for a reschedule: it runs again on the confirmed appointment and keeps that status. */
    @Test
    void shouldRetryRescheduleAfterStaleRead() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        String day = Api.futureMonday().toString();
        String id = Api.bookAsStaff(readModel.patient(), practice, day + "T10:00:00Z");

        ExtractableResponse<Response> response = whileRivalConfirms(
                readModel,
                id,
                () -> given().auth()
                        .oauth2(TestTokens.staff())
                        .contentType("application/json")
                        .body(Map.of("startAt", day + "T12:00:00Z"))
                        .post("/api/appointments/" + id + "/reschedule")
                        .then()
                        .extract());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        var row = readModel
                .rows("SELECT status, start_at, version FROM appointment WHERE id = ?", id)
                .get(0);
        assertThat(row.getString("status")).isEqualTo("CONFIRMED");
        assertThat(row.getLocalDateTime("start_at")).hasToString(day + "T12:00");
        assertThat(row.getLong("version")).isEqualTo(2);
    }

    @Test
    void shouldLetOneSimultaneousChangeWin() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        String id = Api.bookAsStaff(readModel.patient(), practice, Api.futureMonday() + "T10:00:00Z");
        // All ask for the same change, so even run one after another only the first could succeed.
        int requests = 10;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> pending = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            pending.add(threads.submit(() -> {
                start.await();
                return Api.changeStatus(TestTokens.staff(), id, "CONFIRMED").extract();
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<ExtractableResponse<Response>> outcome : pending) {
            ExtractableResponse<Response> response = outcome.get();
            if (response.statusCode() == 200) {
                succeeded++;
                continue;
            }
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
            // Every loser meets the state machine on the winner's committed state.
            assertThat(response.<String>path("type")).isEqualTo(INVALID_TRANSITION);
        }
        threads.shutdownNow();

        assertThat(succeeded).isEqualTo(1);
        assertThat(readModel
                        .rows("SELECT version FROM appointment WHERE id = ?", id)
                        .get(0)
                        .getLong("version"))
                .isEqualTo(1);
        assertThat(readModel.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.appointment.confirmed'"
                                + " AND aggregate_id = ?",
                        id))
                .isEqualTo(1);
    }

    /**
     * Confirms the appointment in an open transaction, sends the request, waits until the
     * request waits for the row lock, commits, and returns the request's response.
     */
    private ExtractableResponse<Response> whileRivalConfirms(
            ReadModel readModel, String id, Callable<ExtractableResponse<Response>> request) throws Exception {
        String table = "`" + readModel.rows("SELECT DATABASE()").get(0).getString(0) + "`.`appointment`";
        SqlConnection rival = pool.getConnection().await().indefinitely();
        // A thread of its own, because the common fork-join pool is small on few cores and may be busy.
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            var transaction = rival.begin().await().indefinitely();
            rival.preparedQuery("UPDATE appointment SET status = 'CONFIRMED', version = version + 1 WHERE id = ?")
                    .execute(Tuple.of(id))
                    .await()
                    .indefinitely();

            Future<ExtractableResponse<Response>> response = sender.submit(request);
            LockWaits.await(
                    () -> readModel.rows("SHOW ENGINE INNODB STATUS").get(0).getString("Status"), table, response);
            transaction.commit().await().indefinitely();
            return response.get();
        } finally {
            sender.shutdownNow();
            rival.close().await().indefinitely();
        }
    }
}
