package org.clinicbooking.scheduling.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** The doctor's calendar feed, read back with ical4j, an independent RFC 5545 parser. */
@QuarkusTest
class CalendarTest {

    @Inject
    Pool pool;

    @Test
    void shouldServeActiveAppointmentsAsValidICalendar() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        LocalDate day = Api.futureMonday();
        Map<String, Object> withReason = Api.booking(readModel.patient(), practice, day + "T09:00:00+03:00");
        withReason.put("reason", "Chest pain since Tuesday");
        String first = Api.book(TestTokens.staff(), withReason)
                .statusCode(201)
                .extract()
                .path("id");
        String second = Api.bookAsStaff(readModel.patient(), practice, day.plusDays(1) + "T10:30:00+03:00");
        String cancelled = Api.bookAsStaff(readModel.patient(), practice, day + "T11:00:00+03:00");
        Api.changeStatus(TestTokens.staff(), cancelled, "CANCELLED").statusCode(200);
        Api.changeStatus(TestTokens.doctor(practice.doctorId()), second, "CONFIRMED")
                .statusCode(200);

        var response = given().auth()
                .oauth2(TestTokens.doctor(practice.doctorId()))
                .get("/api/doctors/" + practice.doctorId() + "/calendar.ics")
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .extract();
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);

        assertThat(body).doesNotContain("Chest").doesNotContain(cancelled);
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }

        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(first + "@clinic-booking.org");
        assertThat(events.get(0).getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(day.toString().replace("-", "") + "T060000Z");
        assertThat(events.get(0).getProperty(Property.DTEND).orElseThrow().getValue())
                .isEqualTo(day.toString().replace("-", "") + "T063000Z");
        assertThat(events.get(1).getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(second + "@clinic-booking.org");
        assertThat(events.get(1).getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CONFIRMED");
        assertThat(events.get(0).getProperty(Property.DTSTAMP)).isPresent();
        assertThat(events.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Appointment (booked)");
    }

    @Test
    void shouldRejectOtherCallers() {
        ReadModel.Practice practice = new ReadModel(pool).practice("Africa/Nairobi", 30);
        String path = "/api/doctors/" + practice.doctorId() + "/calendar.ics";

        given().auth().oauth2(TestTokens.staff()).get(path).then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.doctor(java.util.UUID.randomUUID()))
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.patient(java.util.UUID.randomUUID()))
                .get(path)
                .then()
                .statusCode(403);
    }
}
