package org.clinicbooking.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** Two changes of one appointment at the same time: the version check lets only one through. */
@QuarkusTest
class ConcurrentStatusChangeTest {

    private static final String CONCURRENT_UPDATE = "https://clinic-booking.org/problems/concurrent-update";

    @Inject
    Pool pool;

    /**
     * Holds the appointment's row in an open transaction that changes its version, lets the
     * request read the old version and block on its UPDATE, then commits: the request's
     * {@code UPDATE ... WHERE version = ?} matches no row and it must fail with 409.
     */
    @Test
    void shouldRejectChangeBasedOnStaleVersion() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        String id = Api.bookAsStaff(readModel.patient(), practice, Api.futureMonday() + "T10:00:00Z");
        SqlConnection rival = pool.getConnection().await().indefinitely();
        try {
            var transaction = rival.begin().await().indefinitely();
            rival.preparedQuery("UPDATE appointment SET status = 'CONFIRMED', version = version + 1 WHERE id = ?")
                    .execute(Tuple.of(id))
                    .await()
                    .indefinitely();

            // A thread of its own, because the common fork-join pool is small on few cores and may be busy.
            ExecutorService sender = Executors.newSingleThreadExecutor();
            Future<ExtractableResponse<Response>> cancel = sender.submit(
                    () -> Api.changeStatus(TestTokens.staff(), id, "CANCELLED").extract());
            sender.shutdown();
            awaitLockWait(readModel, cancel);
            transaction.commit().await().indefinitely();

            ExtractableResponse<Response> response = cancel.get();
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.<String>path("type")).isEqualTo(CONCURRENT_UPDATE);
        } finally {
            rival.close().await().indefinitely();
        }
        var row = readModel
                .rows("SELECT status, version FROM appointment WHERE id = ?", id)
                .get(0);
        assertThat(row.getString("status")).isEqualTo("CONFIRMED");
        assertThat(row.getLong("version")).isEqualTo(1);
    }

    @Test
    void shouldLetOneSimultaneousChangeWin() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        String id = Api.bookAsStaff(readModel.patient(), practice, Api.futureMonday() + "T10:00:00Z");
        // All ask for the same change, so even run one after another only the first could succeed.
        String[] targets = {"CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED"};
        ExecutorService threads = Executors.newFixedThreadPool(targets.length);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> pending = new ArrayList<>();
        for (String target : targets) {
            pending.add(threads.submit(() -> {
                start.await();
                return Api.changeStatus(TestTokens.staff(), id, target).extract();
            }));
        }
        start.countDown();
        int succeeded = 0;
        int staleVersions = 0;
        for (Future<ExtractableResponse<Response>> outcome : pending) {
            ExtractableResponse<Response> response = outcome.get();
            if (response.statusCode() == 200) {
                succeeded++;
                continue;
            }
            assertThat(response.statusCode()).isEqualTo(409);
            // A loser that read the row after the winner committed meets the state machine instead.
            assertThat(response.<String>path("type"))
                    .isIn(CONCURRENT_UPDATE, "https://clinic-booking.org/problems/invalid-transition");
            if (CONCURRENT_UPDATE.equals(response.path("type"))) {
                staleVersions++;
            }
        }
        threads.shutdownNow();
        System.out.printf(
                "%d simultaneous status changes: %d succeeded, %d lost on the version check%n",
                targets.length, succeeded, staleVersions);

        assertThat(succeeded).isEqualTo(1);
        assertThat(readModel
                        .rows("SELECT version FROM appointment WHERE id = ?", id)
                        .get(0)
                        .getLong("version"))
                .isEqualTo(1);
    }

    /**
     * Waits until the request's UPDATE waits for the rival's row lock. It reads SHOW ENGINE INNODB
     * STATUS because MariaDB 10.11's information_schema.innodb_trx was seen reporting such a
     * transaction as RUNNING, with no query, for the whole wait.
     */
    private static void awaitLockWait(ReadModel readModel, Future<ExtractableResponse<Response>> request)
            throws Exception {
        String table = "`" + readModel.rows("SELECT DATABASE()").get(0).getString(0) + "`.`appointment`";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String status = readModel.rows("SHOW ENGINE INNODB STATUS").get(0).getString("Status");
            for (String transaction : status.split("---TRANSACTION")) {
                if (transaction.contains("LOCK WAIT")
                        && transaction.toLowerCase().contains("update appointment")
                        && transaction.contains(table)) {
                    return;
                }
            }
            if (request.isDone()) {
                throw new AssertionError("The status change finished without waiting for the row lock: "
                        + request.get().statusCode() + " "
                        + request.get().body().asString());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The status change never waited for the row lock");
    }
}
