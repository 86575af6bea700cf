package org.clinicbooking.clinical.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.Database;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class AppointmentReadModelTest {

    private static final int PARTITION = 1;

    @Inject
    SchedulingEvents scheduling;

    @Inject
    Database database;

    @Test
    void shouldApplyEachNewerStatus() {
        TestAppointment booked = scheduling.seed(TestAppointment.booked());
        TestAppointment confirmed = scheduling.seed(booked.next("CONFIRMED"));
        scheduling.seed(confirmed.next("COMPLETED"));

        Row row = scheduling.readModelRow(booked.id());
        assertThat(row.getString("status")).isEqualTo("COMPLETED");
        assertThat(row.getString("patient_id")).isEqualTo(booked.patientId().toString());
        assertThat(row.getString("doctor_id")).isEqualTo(booked.doctorId().toString());
        assertThat(row.getLong("version")).isEqualTo(2);
    }

    @Test
    void shouldKeepNewerStateWhenOlderEventArrives() {
        TestAppointment booked = TestAppointment.booked();
        TestAppointment confirmed = booked.next("CONFIRMED");
        scheduling.send(scheduling.record(UUID.randomUUID().toString(), confirmed, PARTITION));
        scheduling.send(scheduling.record(UUID.randomUUID().toString(), booked, PARTITION));
        TestAppointment marker = TestAppointment.booked();
        scheduling.send(scheduling.record(UUID.randomUUID().toString(), marker, PARTITION));
        scheduling.awaitVersion(marker.id(), marker.version());

        Row row = scheduling.readModelRow(booked.id());
        assertThat(row.getString("status")).isEqualTo("CONFIRMED");
        assertThat(row.getLong("version")).isEqualTo(confirmed.version());
    }

    @Test
    void shouldSkipOtherEventTypesWithoutDeadLettering() {
        UUID doctorId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Map<String, String> headers =
                SchedulingEvents.headers(eventId, "clinic.working-hours.changed", doctorId.toString());
        String workingHours = "{\"doctorId\":\"" + doctorId + "\",\"intervals\":[]}";
        scheduling.send(SchedulingEvents.record(PARTITION, doctorId.toString(), workingHours, headers));
        TestAppointment marker = TestAppointment.booked();
        scheduling.send(scheduling.record(UUID.randomUUID().toString(), marker, PARTITION));
        scheduling.awaitVersion(marker.id(), marker.version());

        assertThat(scheduling.readModelRow(doctorId)).isNull();
        assertThat(database.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId))
                .isZero();
    }
}
