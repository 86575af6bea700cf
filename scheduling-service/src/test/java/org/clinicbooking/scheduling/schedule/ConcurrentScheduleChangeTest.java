package org.clinicbooking.scheduling.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.scheduling.support.UserServiceStub;
import org.clinicbooking.testkit.Simultaneously;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The first schedule changes of doctors created a moment ago, sent at the same time. Each
 * replacement deletes the doctor's rows and inserts new ones, and for doctors without rows yet
 * those statements lock neighbouring index gaps, so InnoDB may roll one back as a deadlock
 * victim. The client sent no version, so every request must still succeed.
 */
@QuarkusTest
class ConcurrentScheduleChangeTest {

    private static final int DOCTORS = 10;
    private static final int REQUESTS_PER_DOCTOR = 2;

    @Inject
    Pool pool;

    @UserServiceStub.Inject
    WireMockServer userService;

    /** The doctors are not in the read model yet, so every request also fetches its doctor from user-service. */
    @Test
    void shouldApplySimultaneousFirstWorkingHours() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        List<UUID> doctors = new ArrayList<>();
        for (int i = 0; i < DOCTORS; i++) {
            doctors.add(doctorOnlyAtUserService());
        }
        List<Map<String, String>> intervals = List.of(
                Map.of("dayOfWeek", "MONDAY", "start", "09:00", "end", "12:00"),
                Map.of("dayOfWeek", "TUESDAY", "start", "13:00", "end", "17:00"));

        List<Integer> statuses = Simultaneously.run(DOCTORS * REQUESTS_PER_DOCTOR, i -> {
            UUID doctorId = doctors.get(i % DOCTORS);
            return given().auth()
                    .oauth2(TestTokens.staff())
                    .contentType("application/json")
                    .body(Map.of("intervals", intervals))
                    .put("/api/doctors/" + doctorId + "/working-hours")
                    .statusCode();
        });

        assertThat(statuses).containsOnly(200);
        for (UUID doctorId : doctors) {
            assertThat(readModel.count("SELECT COUNT(*) FROM working_hours WHERE doctor_id = ?", doctorId.toString()))
                    .as("working hours of doctor %s", doctorId)
                    .isEqualTo(intervals.size());
            assertThat(readModel.count(
                            "SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?",
                            ScheduleEvents.WORKING_HOURS_CHANGED,
                            doctorId.toString()))
                    .as("events of doctor %s", doctorId)
                    .isEqualTo(REQUESTS_PER_DOCTOR);
        }
    }

    @Test
    void shouldApplySimultaneousFirstTimeOff() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        List<UUID> doctors = new ArrayList<>();
        for (int i = 0; i < DOCTORS; i++) {
            doctors.add(readModel.doctor(readModel.clinic("Europe/Berlin"), true));
        }
        List<Map<String, String>> periods = List.of(
                Map.of("startAt", "2030-07-01T00:00:00Z", "endAt", "2030-07-02T00:00:00Z"),
                Map.of("startAt", "2030-08-12T09:00:00+02:00", "endAt", "2030-08-16T18:00:00+02:00"));

        List<Integer> statuses = Simultaneously.run(DOCTORS * REQUESTS_PER_DOCTOR, i -> {
            UUID doctorId = doctors.get(i % DOCTORS);
            return given().auth()
                    .oauth2(TestTokens.staff())
                    .contentType("application/json")
                    .body(Map.of("periods", periods))
                    .put("/api/doctors/" + doctorId + "/time-off")
                    .statusCode();
        });

        assertThat(statuses).containsOnly(200);
        for (UUID doctorId : doctors) {
            assertThat(readModel.count("SELECT COUNT(*) FROM time_off WHERE doctor_id = ?", doctorId.toString()))
                    .as("time off of doctor %s", doctorId)
                    .isEqualTo(periods.size());
            assertThat(readModel.count(
                            "SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?",
                            ScheduleEvents.TIME_OFF_CHANGED,
                            doctorId.toString()))
                    .as("events of doctor %s", doctorId)
                    .isEqualTo(REQUESTS_PER_DOCTOR);
        }
    }

    /** Stubs a new doctor and their clinic at user-service only, as if their events were still in flight. */
    private UUID doctorOnlyAtUserService() {
        UUID clinicId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        userService.stubFor(get(urlEqualTo("/api/doctors/" + doctorId))
                .willReturn(okJson("{\"id\":\"" + doctorId + "\",\"clinicId\":\"" + clinicId
                        + "\",\"fullName\":\"Dr Njeri\",\"email\":\"n@example.org\",\"specialization\":\"GP\","
                        + "\"licenseNumber\":\"L-" + doctorId + "\",\"yearsOfExperience\":3,\"bio\":null,"
                        + "\"active\":true}")));
        userService.stubFor(get(urlEqualTo("/api/clinics/" + clinicId))
                .willReturn(okJson("{\"id\":\"" + clinicId + "\",\"name\":\"Nyeri\",\"address\":\"A\","
                        + "\"city\":\"Nyeri\",\"phone\":null,\"timeZone\":\"Africa/Nairobi\"}")));
        return doctorId;
    }
}
