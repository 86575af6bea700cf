package org.clinicbooking.clinical.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.Database;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class RedeliveredEventTest {

    // Records on one partition are consumed in order, so once the marker event is applied,
    // every record sent before it on that partition has been handled.
    private static final int PARTITION = 0;

    @Inject
    SchedulingEvents scheduling;

    @Inject
    Database database;

    @Test
    void shouldIgnoreEventIdSeenBefore() {
        TestAppointment booked = TestAppointment.booked();
        String eventId = UUID.randomUUID().toString();
        scheduling.send(scheduling.record(eventId, booked, PARTITION));
        scheduling.awaitVersion(booked.id(), booked.version());

        // The same event id again, carrying a state that would change the row if it were applied.
        TestAppointment altered = booked.next("CANCELLED");
        scheduling.send(scheduling.record(eventId, altered, PARTITION));
        TestAppointment marker = TestAppointment.booked();
        scheduling.send(scheduling.record(UUID.randomUUID().toString(), marker, PARTITION));
        scheduling.awaitVersion(marker.id(), marker.version());

        Row row = scheduling.readModelRow(booked.id());
        assertThat(row.getString("status")).isEqualTo("BOOKED");
        assertThat(row.getLong("version")).isEqualTo(booked.version());
        assertThat(database.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId))
                .isEqualTo(1);
    }
}
