package org.clinicbooking.user.medicalservice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.Events;
import org.clinicbooking.user.support.Simultaneous;
import org.clinicbooking.user.support.Simultaneous.Reply;
import org.clinicbooking.user.support.TestData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MedicalServiceTest {

    private static final String VALIDATION = "https://clinic-booking.org/problems/validation";
    private static final String DUPLICATE = "https://clinic-booking.org/problems/duplicate";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldCreateService() {
        Map<String, Object> body = TestData.medicalServiceBody();
        body.put("price", 45.5);
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            var response = given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/medical-services")
                    .then()
                    .statusCode(201)
                    .body("price", equalTo("45.50"))
                    .body("currency", equalTo("KES"))
                    .body("durationMinutes", equalTo(30))
                    .body("active", equalTo(true))
                    .extract();
            String id = response.path("id");
            assertThat(response.header("Location")).endsWith("/api/medical-services/" + id);

            var row = TestData.row(pool, "SELECT price, currency, active FROM medical_service WHERE id = ?", id);
            assertThat(row.getBigDecimal("price")).isEqualByComparingTo(new BigDecimal("45.50"));
            assertThat(row.getBoolean("active")).isTrue();

            var event = Events.exactlyOne(probe, "clinic.medical-service.created", id);
            assertThat(EventProbe.header(event, "ce_aggregatetype")).isEqualTo("medical-service");
            assertThat(event.value()).contains("\"price\":\"45.50\"");
        }
    }

    @Test
    void shouldFormatPriceByCurrency() {
        Map<String, Object> body = TestData.medicalServiceBody();
        body.put("price", "4500");
        body.put("currency", "JPY");
        String id = TestData.medicalService(body).toString();

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/medical-services/" + id)
                .then()
                .statusCode(200)
                .body("price", equalTo("4500"))
                .body("currency", equalTo("JPY"));
    }

    @Test
    void shouldRejectInvalidServiceFields() {
        List<Map.Entry<String, Object>> invalid = List.of(
                Map.entry("price", "-0.01"),
                Map.entry("price", "10.005"),
                Map.entry("price", "12345678901"),
                Map.entry("price", "ten"),
                Map.entry("durationMinutes", 0),
                Map.entry("durationMinutes", -15),
                Map.entry("durationMinutes", 481),
                Map.entry("currency", "usd"),
                Map.entry("currency", "ABC"),
                Map.entry("currency", "XAU"),
                Map.entry("currency", "KESH"),
                Map.entry("code", "has space"));
        for (Map.Entry<String, Object> field : invalid) {
            Map<String, Object> body = TestData.medicalServiceBody();
            body.put(field.getKey(), field.getValue());
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/medical-services")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION))
                    .body("errors.field", hasItem(field.getKey()));
        }
    }

    @Test
    void shouldRejectCentsInYen() {
        Map<String, Object> body = TestData.medicalServiceBody();
        body.put("price", "10.50");
        body.put("currency", "JPY");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/medical-services")
                .then()
                .statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("price"));
    }

    @Test
    void shouldRejectMissingFieldsWithTheirNames() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{}")
                .post("/api/medical-services")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("code", "name", "durationMinutes", "price", "currency"));
    }

    @Test
    void shouldRejectDuplicateCodeIgnoringCase() {
        Map<String, Object> body = TestData.medicalServiceBody();
        TestData.medicalService(body);
        Map<String, Object> again = TestData.medicalServiceBody();
        again.put("code", body.get("code").toString().toLowerCase());

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(again)
                .post("/api/medical-services")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(DUPLICATE));
    }

    @Test
    void shouldRejectUpdateToTakenCode() {
        Map<String, Object> taken = TestData.medicalServiceBody();
        TestData.medicalService(taken);
        UUID id = TestData.medicalService();
        Map<String, Object> body = TestData.medicalServiceBody();
        body.put("code", taken.get("code"));

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .put("/api/medical-services/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo(DUPLICATE));
    }

    @Test
    void shouldUpdateService() {
        UUID id = TestData.medicalService();
        Map<String, Object> body = TestData.medicalServiceBody();
        body.put("price", "60");
        body.put("durationMinutes", 45);
        body.put("active", false);
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/api/medical-services/" + id)
                    .then()
                    .statusCode(200)
                    .body("price", equalTo("60.00"))
                    .body("durationMinutes", equalTo(45))
                    .body("active", equalTo(false));

            var event = Events.exactlyOne(probe, "clinic.medical-service.updated", id.toString());
            assertThat(event.value()).contains("\"active\":false");
        }
    }

    @Test
    void shouldLetOnlyAdminsChangeServices() {
        UUID id = TestData.medicalService();
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(TestData.medicalServiceBody())
                .post("/api/medical-services")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .contentType("application/json")
                .body(TestData.medicalServiceBody())
                .put("/api/medical-services/" + id)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldFilterServices() {
        String prefix = "Dental " + UUID.randomUUID();
        Map<String, Object> cleaning = TestData.medicalServiceBody();
        cleaning.put("name", prefix + " cleaning");
        UUID cleaningId = TestData.medicalService(cleaning);
        Map<String, Object> whitening = TestData.medicalServiceBody();
        whitening.put("name", prefix + " whitening");
        whitening.put("active", false);
        UUID whiteningId = TestData.medicalService(whitening);

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("name", prefix.toUpperCase())
                .get("/api/medical-services")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", hasItems(cleaningId.toString(), whiteningId.toString()));
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("name", prefix)
                .queryParam("active", true)
                .get("/api/medical-services")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(cleaningId.toString()));
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("code", whitening.get("code"))
                .get("/api/medical-services")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(whiteningId.toString()))
                .body("items[0].price", equalTo("45.00"));
    }

    @Test
    void shouldRejectUnknownService() {
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/medical-services/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldApplySimultaneousUpdatesInTurn() throws Exception {
        UUID id = TestData.medicalService();
        int updates = 10;

        List<Reply> replies = Simultaneous.send(updates, i -> {
            Map<String, Object> body = TestData.medicalServiceBody();
            body.put("name", "Renamed service " + i + " " + UUID.randomUUID());
            return given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/api/medical-services/" + id);
        });

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.medical-service.updated'"
                                + " AND aggregate_id = ?",
                        id.toString()))
                .isEqualTo(updates);
    }
}
