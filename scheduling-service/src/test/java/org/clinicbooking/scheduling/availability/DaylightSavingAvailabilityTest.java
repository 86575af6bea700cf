package org.clinicbooking.scheduling.availability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A week around each of Berlin's next two daylight-saving changes, with working hours of 01:00
 * to 05:00 every day so that the changed hour (02:00 to 03:00) lies inside them. A patient then
 * books the first slot after the spring change.
 */
@QuarkusTest
class DaylightSavingAvailabilityTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    Pool pool;

    @Test
    void shouldOfferEachInstantOnce() {
        ReadModel.Practice practice = new ReadModel(pool).practice(BERLIN.getId(), 30);
        Api.openEveryDay(practice.doctorId(), "01:00", "05:00");
        ZoneOffsetTransition first =
                BERLIN.getRules().nextTransition(Instant.now().plus(Duration.ofDays(7)));
        ZoneOffsetTransition second = BERLIN.getRules().nextTransition(first.getInstant());
        ZoneOffsetTransition spring = first.isGap() ? first : second;
        ZoneOffsetTransition autumn = first.isGap() ? second : first;

        LocalDate springDay = spring.getDateTimeBefore().toLocalDate();
        List<Instant> springWeek = slotStarts(practice, springDay.minusDays(3), springDay.plusDays(3));
        assertThat(springWeek).hasSize(6 * 8 + 6);
        assertDistinctAndAscending(springWeek);
        List<LocalTime> springTimes = wallClockOn(springWeek, springDay);
        assertThat(springTimes)
                .containsExactly(
                        LocalTime.of(1, 0),
                        LocalTime.of(1, 30),
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 30),
                        LocalTime.of(4, 0),
                        LocalTime.of(4, 30));

        LocalDate autumnDay = autumn.getDateTimeBefore().toLocalDate();
        List<Instant> autumnWeek = slotStarts(practice, autumnDay.minusDays(3), autumnDay.plusDays(3));
        assertThat(autumnWeek).hasSize(6 * 8 + 10);
        assertDistinctAndAscending(autumnWeek);
        List<LocalTime> autumnTimes = wallClockOn(autumnWeek, autumnDay);
        assertThat(autumnTimes)
                .containsExactly(
                        LocalTime.of(1, 0),
                        LocalTime.of(1, 30),
                        LocalTime.of(2, 0),
                        LocalTime.of(2, 30),
                        LocalTime.of(2, 0),
                        LocalTime.of(2, 30),
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 30),
                        LocalTime.of(4, 0),
                        LocalTime.of(4, 30));

        // 03:00 summer time is the first instant after the skipped hour; 02:30 winter time is 03:30 summer time.
        Api.book(TestTokens.patient(UUID.randomUUID()), Api.booking(null, practice, springDay + "T03:00:00+02:00"))
                .statusCode(201)
                .extract()
                .path("id");
        Api.book(TestTokens.patient(UUID.randomUUID()), Api.booking(null, practice, springDay + "T02:15:00+01:00"))
                .statusCode(409);
        List<LocalTime> afterBooking = wallClockOn(slotStarts(practice, springDay, springDay), springDay);
        assertThat(afterBooking).doesNotContain(LocalTime.of(3, 0)).contains(LocalTime.of(3, 30));
    }

    private static List<Instant> slotStarts(ReadModel.Practice practice, LocalDate from, LocalDate to) {
        List<String> starts = given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("serviceId", practice.serviceId().toString())
                .get("/api/doctors/" + practice.doctorId() + "/availability")
                .then()
                .statusCode(200)
                .extract()
                .path("slots.startAt");
        return starts.stream().map(Instant::parse).toList();
    }

    private static List<LocalTime> wallClockOn(List<Instant> starts, LocalDate day) {
        return starts.stream()
                .map(start -> start.atZone(BERLIN))
                .filter(start -> start.toLocalDate().equals(day))
                .map(start -> start.toLocalTime())
                .collect(Collectors.toList());
    }

    private static void assertDistinctAndAscending(List<Instant> starts) {
        assertThat(new HashSet<>(starts)).hasSameSizeAs(starts);
        assertThat(starts).isSorted();
    }
}
