package org.clinicbooking.clinical.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clinicbooking.clinical.fixtures.Database;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class ConcurrentReviewTest {

    private static final int ATTEMPTS = 10;

    @Inject
    SchedulingEvents scheduling;

    @Inject
    Database database;

    @Test
    void shouldAcceptExactlyOneOfTenConcurrentReviews() throws Exception {
        UUID doctorId = UUID.randomUUID();
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), doctorId));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                int rating = 1 + i % 5;
                Callable<Integer> attempt = () -> {
                    start.await();
                    return Reviews.post(appointment, rating).extract().statusCode();
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            for (Future<Integer> attempt : attempts) {
                statuses.add(attempt.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(ATTEMPTS - 1);
        assertThat(database.count(
                        "SELECT COUNT(*) FROM review WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isEqualTo(1);
        assertThat(database.count("SELECT review_count FROM doctor_rating WHERE doctor_id = ?", doctorId.toString()))
                .isEqualTo(1);
    }
}
