package org.clinicbooking.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * After the first booking, a booking must find each plan it looks up in Hibernate's query plan
 * cache. A plan whose cache entry is never found again is built anew for every booking, and its
 * copies fill the cache and push the other plans out.
 */
@QuarkusTest
class BookingQueryPlanTest {

    private static final int BOOKINGS = 12;

    @Inject
    Pool pool;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void shouldReuseQueryPlans() {
        ReadModel.Practice practice = new ReadModel(pool).practice("Africa/Nairobi", 30);
        LocalDate monday = Api.futureMonday();
        Api.openEveryDay(practice.doctorId(), "08:00", "18:00");
        UUID patientId = UUID.randomUUID();
        String token = TestTokens.patient(patientId);
        book(token, practice, monday, LocalTime.of(8, 0));

        long missesBefore = sessions.getStatistics().getQueryPlanCacheMissCount();
        for (int i = 1; i <= BOOKINGS; i++) {
            book(token, practice, monday, LocalTime.of(8, 0).plusMinutes(30L * i));
        }
        long misses = sessions.getStatistics().getQueryPlanCacheMissCount() - missesBefore;

        assertThat(misses)
                .as("query plan cache misses during %d bookings after the first", BOOKINGS)
                .isLessThan(BOOKINGS);
    }

    private static void book(String token, ReadModel.Practice practice, LocalDate day, LocalTime time) {
        Api.book(token, Api.booking(null, practice, day + "T" + time + ":00+03:00"))
                .statusCode(201);
    }
}
