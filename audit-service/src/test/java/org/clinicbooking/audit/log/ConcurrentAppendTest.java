package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Appends from many transactions at once, as several replicas would: the head lock must give
 * every entry its own sequence number and a link to the entry committed before it.
 */
@QuarkusTest
class ConcurrentAppendTest {

    private static final int ENTRIES = 200;
    private static final int CONCURRENT_APPENDS = 16;

    @Inject
    AuditRecorder recorder;

    @Test
    void shouldKeepChainIntactUnderConcurrentAppends() {
        List<AuditEntry> entries = Multi.createFrom()
                .items(IntStream.range(0, ENTRIES).boxed())
                .onItem()
                .transformToUni(i -> recorder.record(SampleContent.any()).map(entry -> entry.orElseThrow()))
                .merge(CONCURRENT_APPENDS)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofMinutes(1));

        assertThat(entries).extracting(AuditEntry::id).doesNotHaveDuplicates().hasSize(ENTRIES);
        assertThat(entries).extracting(AuditEntry::previousHash).doesNotHaveDuplicates();
        List<AuditEntry> inChainOrder = entries.stream()
                .sorted(Comparator.comparingLong(AuditEntry::id))
                .toList();
        assertThat(inChainOrder)
                .extracting(entry -> entry.content().recordedAt())
                .isSortedAccordingTo(Comparator.naturalOrder());
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/audit-logs/verify")
                .then()
                .statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }
}
