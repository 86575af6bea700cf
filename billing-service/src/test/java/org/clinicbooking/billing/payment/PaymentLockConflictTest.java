package org.clinicbooking.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.ConcurrentPosts;
import org.clinicbooking.billing.testing.ConcurrentPosts.Reply;
import org.clinicbooking.billing.testing.SchedulingEvents;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.LockWaits;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A payment recorded while the consumer applies the appointment's completion. The consumer's
 * {@code INSERT IGNORE} of the existing read-model row takes a shared lock on it, the payment
 * then waits for its exclusive lock, and the consumer's {@code UPDATE} waits behind the
 * payment: InnoDB breaks the cycle by rolling back the lighter transaction, the payment's.
 * The payment must then run again and succeed.
 */
@QuarkusTest
class PaymentLockConflictTest extends BillingTest {

    @Inject
    Pool sql;

    @TestHTTPResource("/api/payments")
    URI payments;

    @Test
    void shouldRetryPaymentChosenAsDeadlockVictim() throws Exception {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String id = appointment.id().toString();
        String table = "`" + database.rows("SELECT DATABASE()").get(0).getString(0) + "`.`appointment`";
        SqlConnection consumer = sql.getConnection().await().indefinitely();
        // A thread of its own, because the common fork-join pool is small on few cores and may be busy.
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            var transaction = consumer.begin().await().indefinitely();
            // Inbox rows make the consumer's transaction the heavier one, so InnoDB picks the payment as victim.
            for (int i = 0; i < 5; i++) {
                consumer.preparedQuery("INSERT INTO processed_event (event_id, event_type, processed_at)"
                                + " VALUES (?, 'clinic.appointment.completed', UTC_TIMESTAMP(6))")
                        .execute(Tuple.of(UUID.randomUUID().toString()))
                        .await()
                        .indefinitely();
            }
            consumer.preparedQuery("SELECT id FROM appointment WHERE id = ? LOCK IN SHARE MODE")
                    .execute(Tuple.of(id))
                    .await()
                    .indefinitely();

            String body = SchedulingEvents.json(Seeds.paymentBody(appointment, "40.00"));
            Future<Reply> payment = sender.submit(() -> ConcurrentPosts.send(
                            1, i -> ConcurrentPosts.post(payments, TestTokens.staff(), body, null))
                    .get(0));
            LockWaits.await(
                    () -> database.rows("SHOW ENGINE INNODB STATUS").get(0).getString("Status"), table, payment);
            consumer.preparedQuery("UPDATE appointment SET status = 'COMPLETED',"
                            + " scheduling_version = scheduling_version + 1 WHERE id = ?")
                    .execute(Tuple.of(id))
                    .await()
                    .indefinitely();
            transaction.commit().await().indefinitely();

            Reply reply = payment.get();
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        } finally {
            sender.shutdownNow();
            consumer.close().await().indefinitely();
        }
        List<String> statuses = database.rows("SELECT status FROM payment WHERE appointment_id = ?", id).stream()
                .map(row -> row.getString(0))
                .toList();
        assertThat(statuses).containsExactly("COMPLETED");
        assertThat(database.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.payment.recorded'"
                                + " AND payload LIKE ?",
                        "%" + id + "%"))
                .isEqualTo(1);
    }
}
