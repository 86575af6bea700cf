package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.Events;
import org.clinicbooking.user.support.TestData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffRegistrationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldLetStaffRegisterWalkInPatient() {
        UUID staffId = UUID.randomUUID();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            String id = given().auth()
                    .oauth2(TestTokens.forUser(staffId, "STAFF"))
                    .contentType("application/json")
                    .body(Map.of(
                            "email",
                            TestData.uniqueEmail("walk-in"),
                            "password",
                            TestData.PASSWORD,
                            "fullName",
                            "Walk-in Patient",
                            "role",
                            "PATIENT"))
                    .post("/api/users")
                    .then()
                    .statusCode(201)
                    .body("role", equalTo("PATIENT"))
                    .extract()
                    .path("id");

            var event = Events.exactlyOne(probe, "clinic.user.registered", id);
            assertThat(EventProbe.header(event, "ce_actorid")).isEqualTo(staffId.toString());
            assertThat(EventProbe.header(event, "ce_actorrole")).isEqualTo("STAFF");
        }
    }

    @Test
    void shouldLetAdminRegisterAnyRole() {
        for (String role : new String[] {"DOCTOR", "STAFF", "ADMIN"}) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(Map.of(
                            "email",
                            TestData.uniqueEmail(role.toLowerCase()),
                            "password",
                            TestData.PASSWORD,
                            "fullName",
                            "New " + role,
                            "role",
                            role))
                    .post("/api/users")
                    .then()
                    .statusCode(201)
                    .body("role", equalTo(role));
        }
    }
}
