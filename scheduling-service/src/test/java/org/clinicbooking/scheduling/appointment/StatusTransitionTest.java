package org.clinicbooking.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every status change from every status, by the patient, the doctor and staff, before and after
 * the start, against a table of the rules written out here independently of the service's code.
 */
@QuarkusTest
class StatusTransitionTest {

    private static final List<String> STATUSES = List.of("BOOKED", "CONFIRMED", "COMPLETED", "CANCELLED", "NO_SHOW");
    private static final List<String> CALLERS = List.of("PATIENT", "DOCTOR", "STAFF");

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ReadModel readModel;
    ReadModel.Practice practice;
    LocalDate futureDay;
    int nextSlot;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        futureDay = Api.futureMonday();
        nextSlot = 0;
    }

    /** Returns whether the state machine lets the caller move an appointment from one status to another. */
    private static boolean expectedAllowed(String from, String to, String caller, boolean started) {
        boolean clinician = caller.equals("DOCTOR") || caller.equals("STAFF");
        boolean open = from.equals("BOOKED") || from.equals("CONFIRMED");
        return switch (to) {
            case "CONFIRMED" -> from.equals("BOOKED") && clinician;
            case "COMPLETED" -> from.equals("CONFIRMED") && clinician;
            case "CANCELLED" -> open && (clinician || (caller.equals("PATIENT") && !started));
            case "NO_SHOW" -> from.equals("CONFIRMED") && clinician && started;
            default -> false;
        };
    }

    private record Appointment(String id, UUID patientId) {}

    /** Books an appointment (started or not) and walks it to the status by staff. */
    private Appointment appointmentIn(String status, boolean started) {
        UUID patientId = readModel.patient();
        int slot = nextSlot++;
        String startAt = started
                ? LocalDate.now().minusDays(2 + slot / 24) + "T" + String.format("%02d", slot % 24) + ":00:00Z"
                : futureDay.plusDays(slot / 20) + "T" + String.format("%02d", slot % 20) + ":00:00Z";
        String id = Api.bookAsStaff(patientId, practice, startAt);
        String staff = TestTokens.staff();
        switch (status) {
            case "CONFIRMED" -> Api.changeStatus(staff, id, "CONFIRMED").statusCode(200);
            case "COMPLETED" -> {
                Api.changeStatus(staff, id, "CONFIRMED").statusCode(200);
                Api.changeStatus(staff, id, "COMPLETED").statusCode(200);
            }
            case "CANCELLED" -> Api.changeStatus(staff, id, "CANCELLED").statusCode(200);
            case "NO_SHOW" -> {
                Api.changeStatus(staff, id, "CONFIRMED").statusCode(200);
                Api.changeStatus(staff, id, "NO_SHOW").statusCode(200);
            }
            default -> {}
        }
        return new Appointment(id, patientId);
    }

    private String tokenOf(String caller, Appointment appointment) {
        return switch (caller) {
            case "PATIENT" -> TestTokens.patient(appointment.patientId());
            case "DOCTOR" -> TestTokens.doctor(practice.doctorId());
            default -> TestTokens.staff();
        };
    }

    @Test
    void shouldFollowStateMachineForEveryCaller() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (boolean started : new boolean[] {false, true}) {
            for (String from : STATUSES) {
                if (from.equals("NO_SHOW") && !started) {
                    continue;
                }
                // One appointment takes every rejected change; each permitted change gets a fresh one.
                Appointment shared = appointmentIn(from, started);
                for (String caller : CALLERS) {
                    for (String to : STATUSES) {
                        boolean allowed = expectedAllowed(from, to, caller, started);
                        Appointment target = allowed ? appointmentIn(from, started) : shared;
                        ExtractableResponse<Response> response = Api.changeStatus(
                                        tokenOf(caller, target), target.id(), to)
                                .extract();
                        checked++;
                        String label =
                                from + " -> " + to + " by " + caller + (started ? " after" : " before") + " the start";
                        if (allowed && response.statusCode() != 200) {
                            mismatches.add(label + ": expected 200, got " + response.statusCode());
                        } else if (allowed && !to.equals(response.path("status"))) {
                            mismatches.add(label + ": status is " + response.path("status"));
                        } else if (!allowed) {
                            checkRejected(label, response, from, caller, started, mismatches);
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(135);
        assertThat(mismatches).isEmpty();
    }

    private static void checkRejected(
            String label,
            ExtractableResponse<Response> response,
            String from,
            String caller,
            boolean started,
            List<String> mismatches) {
        if (response.statusCode() != 409) {
            mismatches.add(label + ": expected 409, got " + response.statusCode());
            return;
        }
        if (!"https://clinic-booking.org/problems/invalid-transition".equals(response.path("type"))) {
            mismatches.add(label + ": problem type " + response.path("type"));
            return;
        }
        Set<String> expected = new java.util.TreeSet<>();
        for (String target : STATUSES) {
            if (expectedAllowed(from, target, caller, started)) {
                expected.add(target);
            }
        }
        List<String> allowed = response.path("allowed");
        if (!new java.util.TreeSet<>(allowed).equals(expected)) {
            mismatches.add(label + ": allowed " + allowed + ", expected " + expected);
        }
        String detail = response.path("detail");
        for (String target : expected) {
            if (!detail.contains(target)) {
                mismatches.add(label + ": detail does not name " + target);
            }
        }
    }

    @Test
    void shouldLetAdminActAsStaff() {
        Appointment appointment = appointmentIn("BOOKED", false);

        Api.changeStatus(TestTokens.admin(), appointment.id(), "CONFIRMED").statusCode(200);
    }

    @Test
    void shouldHideAppointmentFromStrangers() {
        Appointment appointment = appointmentIn("BOOKED", false);

        Api.changeStatus(TestTokens.patient(UUID.randomUUID()), appointment.id(), "CANCELLED")
                .statusCode(404)
                .body("type", equalTo("https://clinic-booking.org/problems/not-found"));
        Api.changeStatus(TestTokens.doctor(UUID.randomUUID()), appointment.id(), "CONFIRMED")
                .statusCode(404);
        Api.changeStatus(TestTokens.staff(), UUID.randomUUID().toString(), "CONFIRMED")
                .statusCode(404);
    }

    @Test
    void shouldPublishOneEventPerChange() {
        Appointment appointment = appointmentIn("BOOKED", true);
        String doctor = TestTokens.doctor(practice.doctorId());
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.scheduling-events")) {
            Api.changeStatus(doctor, appointment.id(), "CONFIRMED").statusCode(200);
            Api.changeStatus(doctor, appointment.id(), "NO_SHOW").statusCode(200);

            assertThat(probe.awaitEvents("clinic.appointment.confirmed", appointment.id(), 1))
                    .hasSize(1);
            var noShow = probe.awaitEvents("clinic.appointment.no-show", appointment.id(), 1);
            assertThat(noShow).hasSize(1);
            assertThat(EventProbe.headers(noShow.get(0))).containsEntry("ce_actorrole", "DOCTOR");
            assertThat(noShow.get(0).value()).contains("\"status\":\"NO_SHOW\"").contains("\"version\":2");
        }
    }

    @Test
    void shouldCancelOnDeleteAndKeepTheRow() {
        Appointment appointment = appointmentIn("BOOKED", false);

        given().auth()
                .oauth2(TestTokens.patient(appointment.patientId()))
                .queryParam("reason", "Travelling")
                .delete("/api/appointments/" + appointment.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("Travelling"));

        var rows = readModel.rows("SELECT status, cancellation_reason FROM appointment WHERE id = ?", appointment.id());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("status")).isEqualTo("CANCELLED");
        assertThat(rows.get(0).getString("cancellation_reason")).isEqualTo("Travelling");

        given().auth()
                .oauth2(TestTokens.staff())
                .delete("/api/appointments/" + appointment.id())
                .then()
                .statusCode(409)
                .body("detail", containsString("none"));
    }
}
