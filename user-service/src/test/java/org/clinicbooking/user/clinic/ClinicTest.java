package org.clinicbooking.user.clinic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.Events;
import org.clinicbooking.user.support.TestData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClinicTest {

    private static final String VALIDATION = "https://clinic-booking.org/problems/validation";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldCreateClinic() {
        Map<String, Object> body = TestData.clinicBody();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            var response = given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/clinics")
                    .then()
                    .statusCode(201)
                    .body("name", equalTo(body.get("name")))
                    .body("timeZone", equalTo("Africa/Nairobi"))
                    .body("phone", equalTo("+254712345678"))
                    .extract();
            String id = response.path("id");
            assertThat(response.header("Location")).endsWith("/api/clinics/" + id);

            var row = TestData.row(pool, "SELECT name, city, time_zone FROM clinic WHERE id = ?", id);
            assertThat(row.getString("name")).isEqualTo(body.get("name"));
            assertThat(row.getString("time_zone")).isEqualTo("Africa/Nairobi");

            var event = Events.exactlyOne(probe, "clinic.clinic.created", id);
            assertThat(EventProbe.header(event, "ce_aggregatetype")).isEqualTo("clinic");
            assertThat(EventProbe.header(event, "ce_actorrole")).isEqualTo("ADMIN");
            assertThat(event.value()).contains("\"timeZone\":\"Africa/Nairobi\"");
        }
    }

    @Test
    void shouldRejectNonRegionTimeZones() {
        for (String zone : List.of("+03:00", "UTC+3", "GMT+03:00", "Z", "Mars/Olympus_Mons", "africa/nairobi", "")) {
            Map<String, Object> body = TestData.clinicBody();
            body.put("timeZone", zone);
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/clinics")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION))
                    .body("errors.field", hasItem("timeZone"));
        }
    }

    @Test
    void shouldRejectInvalidFieldsWithTheirNames() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Map.of("name", " ", "phone", "0712 345 678"))
                .post("/api/clinics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItems("name", "address", "city", "phone", "timeZone"));
    }

    @Test
    void shouldLetOnlyAdminsCreate() {
        for (String token : List.of(
                TestTokens.staff(), TestTokens.patient(UUID.randomUUID()), TestTokens.doctor(UUID.randomUUID()))) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(TestData.clinicBody())
                    .post("/api/clinics")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json")
                .body(TestData.clinicBody())
                .post("/api/clinics")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldFilterClinicsForAnyRole() {
        String city = "City-" + UUID.randomUUID();
        String prefix = "Prefix " + UUID.randomUUID();
        UUID first = createClinic(city, prefix + " Alpha");
        UUID second = createClinic(city, "Other " + UUID.randomUUID());
        UUID elsewhere = createClinic("Mombasa", prefix + " Beta");

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("city", city.toUpperCase())
                .get("/api/clinics")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", hasItems(first.toString(), second.toString()));

        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .queryParam("name", prefix.toLowerCase())
                .queryParam("size", 1)
                .get("/api/clinics")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("size", equalTo(1))
                .body("items[0].id", equalTo(first.toString()));

        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/clinics/" + elsewhere)
                .then()
                .statusCode(200)
                .body("city", equalTo("Mombasa"));
    }

    @Test
    void shouldMatchWildcardsLiterally() {
        String marker = UUID.randomUUID().toString();
        createClinic("Kisumu", marker + " Clinic");

        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("name", "%" + marker.substring(1))
                .get("/api/clinics")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void shouldRejectPageSizeOverTheLimit() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("size", 101)
                .get("/api/clinics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void shouldUpdateClinic() {
        UUID id = TestData.clinic();
        Map<String, Object> body = TestData.clinicBody();
        body.put("timeZone", "Europe/Berlin");
        body.put("city", "Berlin");
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/api/clinics/" + id)
                    .then()
                    .statusCode(200)
                    .body("timeZone", equalTo("Europe/Berlin"));

            assertThat(TestData.row(pool, "SELECT time_zone FROM clinic WHERE id = ?", id.toString())
                            .getString(0))
                    .isEqualTo("Europe/Berlin");
            var event = Events.exactlyOne(probe, "clinic.clinic.updated", id.toString());
            assertThat(event.value()).contains("Europe/Berlin");
        }
    }

    @Test
    void shouldSkipEventForNoOpUpdate() {
        Map<String, Object> body = TestData.clinicBody();
        String id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/api/clinics/" + id)
                    .then()
                    .statusCode(200);

            assertThat(Events.settled(probe, "clinic.clinic.updated", id)).isEmpty();
        }
    }

    @Test
    void shouldLetOnlyAdminsUpdate() {
        UUID id = TestData.clinic();
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(TestData.clinicBody())
                .put("/api/clinics/" + id)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRejectUnknownAndMalformedIds() {
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/clinics/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/not-found"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(TestData.clinicBody())
                .put("/api/clinics/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/clinics/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", not(equalTo("https://clinic-booking.org/problems/internal")));
    }

    private static UUID createClinic(String city, String name) {
        Map<String, Object> body = TestData.clinicBody();
        body.put("city", city);
        body.put("name", name);
        String id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
