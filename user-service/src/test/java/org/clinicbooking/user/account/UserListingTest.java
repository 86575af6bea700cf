package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserListingTest {

    @Test
    void shouldFindUserByEmailIgnoringCase() {
        CreatedUser patient = TestData.patient();

        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("email", patient.email().toUpperCase())
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(patient.id().toString()))
                .body("items[0].passwordHash", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldFilterByRoleAndActive() {
        CreatedUser staffMember = TestData.user("STAFF");
        CreatedUser leaver = TestData.user("STAFF");
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/users/" + leaver.id())
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("role", "STAFF")
                .queryParam("active", true)
                .queryParam("size", 100)
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items.role", everyItem(equalTo("STAFF")))
                .body("items.active", everyItem(equalTo(true)))
                .body("items.id", not(hasItem(leaver.id().toString())));
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("email", leaver.email())
                .queryParam("active", false)
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].active", equalTo(false));
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("email", staffMember.email())
                .queryParam("role", "PATIENT")
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void shouldPageResults() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("page", 0)
                .queryParam("size", 1)
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("size", equalTo(1))
                .body("page", equalTo(0))
                .body("items.size()", equalTo(1));
    }

    @Test
    void shouldRejectInvalidFilterValues() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("role", "SUPERUSER")
                .get("/api/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("size", 0)
                .get("/api/users")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void shouldLetOnlyStaffAndAdminsList() {
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .get("/api/users")
                .then()
                .statusCode(403);
        given().get("/api/users").then().statusCode(401);
    }
}
