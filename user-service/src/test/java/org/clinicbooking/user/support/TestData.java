package org.clinicbooking.user.support;

import static io.restassured.RestAssured.given;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;

/** Builds each test's own data through the public API, with fresh ids and emails every time. */
public final class TestData {

    public static final String PASSWORD = "correct-horse-battery";

    private TestData() {}

    /** A user created through POST /api/users, with the values a test may assert on. */
    public record CreatedUser(UUID id, String email, String role) {
        public String token() {
            return TestTokens.forUser(id, role);
        }
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }

    /** Registers a user with an admin's token, so any role works. */
    public static CreatedUser user(String role) {
        String email = uniqueEmail(role.toLowerCase());
        String id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "fullName", "Test " + role, "role", role))
                .post("/api/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new CreatedUser(UUID.fromString(id), email, role);
    }

    public static CreatedUser patient() {
        return user("PATIENT");
    }

    public static Map<String, Object> clinicBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Clinic " + UUID.randomUUID());
        body.put("address", "Ngong Road 12");
        body.put("city", "Nairobi");
        body.put("phone", "+254712345678");
        body.put("timeZone", "Africa/Nairobi");
        return body;
    }

    public static UUID clinic() {
        String id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(clinicBody())
                .post("/api/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    public static Map<String, Object> medicalServiceBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "SVC-" + UUID.randomUUID());
        body.put("name", "Consultation " + UUID.randomUUID());
        body.put("description", "A general consultation");
        body.put("durationMinutes", 30);
        body.put("price", "45.00");
        body.put("currency", "KES");
        return body;
    }

    public static UUID medicalService() {
        return medicalService(medicalServiceBody());
    }

    public static UUID medicalService(Map<String, Object> body) {
        String id = given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/medical-services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    public static Map<String, Object> doctorBody(UUID userId, UUID clinicId) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId.toString());
        body.put("clinicId", clinicId.toString());
        body.put("specialization", "Cardiology");
        body.put("licenseNumber", "KMPDC-" + UUID.randomUUID());
        body.put("yearsOfExperience", 12);
        body.put("bio", "Heart specialist.");
        return body;
    }

    /** Creates a DOCTOR user with a profile at a new clinic; the returned id is both the user and the doctor id. */
    public static CreatedUser doctor() {
        return doctorAt(clinic());
    }

    public static CreatedUser doctorAt(UUID clinicId) {
        CreatedUser user = user("DOCTOR");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(doctorBody(user.id(), clinicId))
                .post("/api/doctors")
                .then()
                .statusCode(201);
        return user;
    }

    /** Runs a query that returns one row, for assertions on what was stored. */
    public static Row row(Pool pool, String sql, Object... parameters) {
        var rows =
                pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row from " + sql + " but got " + rows.size());
        }
        return rows.iterator().next();
    }

    public static long count(Pool pool, String sql, Object... parameters) {
        return row(pool, sql, parameters).getLong(0);
    }
}
