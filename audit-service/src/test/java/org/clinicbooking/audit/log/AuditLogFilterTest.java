package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.clinicbooking.testkit.TestTokens;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Records a few thousand entries through {@link AuditRecorder} and checks that every filter of
 * the listing returns exactly the expected entries, newest first. The entries bypass Kafka on
 * purpose: each test run reads the test topics from their start with a fresh consumer group,
 * so thousands of test records on them would slow down every later run. The Kafka path is
 * covered by the consumer tests.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogFilterTest {

    private static final Logger LOG = Logger.getLogger(AuditLogFilterTest.class);

    private static final int ENTRIES = 2_000;
    private static final int CONCURRENT_APPENDS = 8;
    private static final List<String> EVENT_TYPES = List.of(
            "clinic.appointment.booked",
            "clinic.appointment.confirmed",
            "clinic.appointment.completed",
            "clinic.appointment.cancelled",
            "clinic.payment.recorded");
    private static final List<String> SUBJECT_TYPES = List.of("appointment", "payment");

    @Inject
    AuditRecorder recorder;

    private final List<String> subjectIds = new ArrayList<>();
    private final List<UUID> actorIds = new ArrayList<>();
    private final List<AuditEntry> recorded = new ArrayList<>();
    private Instant start;

    @BeforeAll
    void recordEntries() {
        for (int i = 0; i < 40; i++) {
            subjectIds.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < 10; i++) {
            actorIds.add(UUID.randomUUID());
        }
        // A time window no other test writes into; two entries share each minute, so the
        // order must fall back to the id.
        start = Instant.parse("2400-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(5_000_000), ChronoUnit.HOURS);
        List<AuditEntryContent> contents = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            contents.add(SampleContent.of(
                    EVENT_TYPES.get(i % EVENT_TYPES.size()),
                    SUBJECT_TYPES.get(i % 7 % SUBJECT_TYPES.size()),
                    subjectIds.get(i % subjectIds.size()),
                    actorIds.get(i % 3 == 0 ? 0 : i % actorIds.size()),
                    start.plus(i / 2, ChronoUnit.MINUTES)));
        }

        long began = System.nanoTime();
        recorded.addAll(Multi.createFrom()
                .iterable(contents)
                .onItem()
                .transformToUni(content -> recorder.record(content).map(entry -> entry.orElseThrow()))
                .merge(CONCURRENT_APPENDS)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofMinutes(2)));
        long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        LOG.infof(
                "Recorded %d entries through AuditRecorder with %d concurrent appends in %d ms (%.0f entries/s)",
                ENTRIES, CONCURRENT_APPENDS, millis, ENTRIES * 1000.0 / Math.max(millis, 1));
    }

    @Test
    void shouldFilterBySubjectTypeAndId() {
        String subjectId = subjectIds.get(3);

        assertListing(
                Map.of("subjectType", "payment", "subjectId", subjectId),
                entry -> entry.content().subjectType().equals("payment")
                        && entry.content().subjectId().equals(subjectId));
    }

    @Test
    void shouldFilterBySubjectIdAlone() {
        String subjectId = subjectIds.get(7);

        assertListing(
                Map.of("subjectId", subjectId),
                entry -> entry.content().subjectId().equals(subjectId));
    }

    @Test
    void shouldFilterByActor() {
        String actorId = actorIds.get(0).toString();

        assertListing(
                Map.of("actorId", actorId),
                entry -> actorId.equals(entry.content().actorId()));
    }

    @Test
    void shouldFilterByOccurredTimeRange() {
        Instant from = start.plus(100, ChronoUnit.MINUTES);
        Instant to = start.plus(400, ChronoUnit.MINUTES);

        assertListing(
                Map.of("from", withOffset(from), "to", withOffset(to)),
                entry -> !entry.content().occurredAt().isBefore(from)
                        && entry.content().occurredAt().isBefore(to));
    }

    @Test
    void shouldFilterByEventTypeInsideTimeRange() {
        Instant from = start;
        Instant to = start.plus(ENTRIES, ChronoUnit.MINUTES);

        assertListing(
                Map.of("eventType", "clinic.payment.recorded", "from", withOffset(from), "to", withOffset(to)),
                entry -> entry.content().eventType().equals("clinic.payment.recorded"));
    }

    @Test
    void shouldCombineActorEventTypeAndTimeRange() {
        // Actor 4 records only entries with i % 10 == 4, whose event type is EVENT_TYPES.get(4).
        String actorId = actorIds.get(4).toString();
        String eventType = EVENT_TYPES.get(4);
        Instant from = start.plus(200, ChronoUnit.MINUTES);
        Instant to = start.plus(900, ChronoUnit.MINUTES);

        assertListing(
                Map.of("actorId", actorId, "eventType", eventType, "from", withOffset(from), "to", withOffset(to)),
                entry -> actorId.equals(entry.content().actorId())
                        && entry.content().eventType().equals(eventType)
                        && !entry.content().occurredAt().isBefore(from)
                        && entry.content().occurredAt().isBefore(to));
    }

    @Test
    void shouldReturnNoEntriesForUnknownSubject() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("subjectId", UUID.randomUUID().toString())
                .get("/api/audit-logs")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty())
                .body("totalItems", org.hamcrest.Matchers.equalTo(0))
                .body("totalPages", org.hamcrest.Matchers.equalTo(0));
    }

    /** Pages through the listing at size 100 and compares it with the expected entries in order. */
    private void assertListing(Map<String, String> filters, Predicate<AuditEntry> expected) {
        List<String> expectedEventIds = recorded.stream()
                .filter(expected)
                .sorted(Comparator.comparing(
                                (AuditEntry entry) -> entry.content().occurredAt())
                        .thenComparing(AuditEntry::id)
                        .reversed())
                .map(entry -> entry.content().eventId())
                .toList();
        assertThat(expectedEventIds)
                .as("entries the test data holds for this filter")
                .isNotEmpty();

        List<String> listed = new ArrayList<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            Map<String, Object> query = new HashMap<>(filters);
            query.put("page", page);
            query.put("size", 100);
            JsonPath body = given().auth()
                    .oauth2(TestTokens.staff())
                    .queryParams(query)
                    .get("/api/audit-logs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(body.getLong("totalItems"))
                    .as("totalItems of GET /api/audit-logs with %s", query)
                    .isEqualTo(expectedEventIds.size());
            totalPages = body.getInt("totalPages");
            listed.addAll(body.getList("items.eventId", String.class));
        }

        assertThat(listed).containsExactlyElementsOf(expectedEventIds);
    }

    private static String withOffset(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(3)).toString();
    }
}
