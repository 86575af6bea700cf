package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventRecordingTest {

    @Inject
    Pool pool;

    @Test
    void shouldRecordEventFromEveryTopic() {
        UUID staffId = UUID.randomUUID();
        Instant occurredAt = Instant.parse("2027-03-01T06:00:00.123456Z");
        TestEvent userUpdated = TestEvent.on("test.user-events")
                .type("clinic.user.updated")
                .source("user-service")
                .subject("user", UUID.randomUUID().toString())
                .actor(staffId, "STAFF")
                .time(occurredAt)
                .data("{\"fullName\":\"Amani Otieno\",\"role\":\"PATIENT\"}");
        TestEvent timeOffChanged = TestEvent.on("test.scheduling-events")
                .type("clinic.time-off.changed")
                .source("scheduling-service")
                .subject("doctor", UUID.randomUUID().toString())
                .data("{\"periods\":[]}");
        TestEvent paymentRefunded = TestEvent.on("test.billing-events")
                .type("clinic.payment.refunded")
                .source("billing-service")
                .subject("payment", UUID.randomUUID().toString())
                .actor(null, "SYSTEM")
                .data("{\"amount\":\"45.00\",\"currency\":\"KES\"}");
        TestEvent reviewPosted = TestEvent.on("test.clinical-events");

        TestKafka.send(userUpdated, timeOffChanged, paymentRefunded, reviewPosted);

        AuditLogRows rows = new AuditLogRows(pool);
        Row user = rows.await(userUpdated.id(), TestKafka.CONSUMER_TIMEOUT).orElseThrow();
        assertThat(user.getString("event_type")).isEqualTo("clinic.user.updated");
        assertThat(user.getString("source")).isEqualTo("user-service");
        assertThat(user.getString("subject_type")).isEqualTo("user");
        assertThat(user.getString("subject_id")).isEqualTo(userUpdated.subjectId());
        assertThat(user.getString("actor_id")).isEqualTo(staffId.toString());
        assertThat(user.getString("actor_role")).isEqualTo("STAFF");
        assertThat(user.getLocalDateTime("occurred_at")).isEqualTo(LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
        assertThat(user.getString("payload")).isEqualTo("{\"fullName\":\"Amani Otieno\",\"role\":\"PATIENT\"}");
        assertThat(user.getString("hash")).hasSize(64).isNotEqualTo(user.getString("previous_hash"));

        assertThat(rows.await(timeOffChanged.id(), TestKafka.CONSUMER_TIMEOUT)).isPresent();
        Row refund =
                rows.await(paymentRefunded.id(), TestKafka.CONSUMER_TIMEOUT).orElseThrow();
        assertThat(refund.getString("actor_id")).isNull();
        assertThat(refund.getString("actor_role")).isEqualTo("SYSTEM");
        assertThat(rows.await(reviewPosted.id(), TestKafka.CONSUMER_TIMEOUT)).isPresent();
    }

    @Test
    void shouldListRecordedEventWithPayloadAsJson() {
        TestEvent event = TestEvent.on("test.clinical-events")
                .type("clinic.prescription.issued")
                .subject("prescription", UUID.randomUUID().toString())
                .data("{\"medication\":\"Amoxicillin 500 mg\",\"durationDays\":7}");
        TestKafka.send(event);
        assertThat(new AuditLogRows(pool).await(event.id(), TestKafka.CONSUMER_TIMEOUT))
                .isPresent();

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("subjectType", "prescription")
                .queryParam("subjectId", event.subjectId())
                .get("/api/audit-logs")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].eventId", equalTo(event.id()))
                .body("items[0].eventType", equalTo("clinic.prescription.issued"))
                .body("items[0].source", equalTo("clinical-service"))
                .body("items[0].payload.durationDays", equalTo(7))
                .body("items[0].actorRole", equalTo("PATIENT"))
                .body("items[0].passwordHash", nullValue());
    }
}
