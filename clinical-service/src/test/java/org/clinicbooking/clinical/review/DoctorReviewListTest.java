package org.clinicbooking.clinical.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class DoctorReviewListTest {

    @Inject
    SchedulingEvents scheduling;

    @Test
    void shouldListNewestFirstHidingPatients() {
        UUID doctorId = UUID.randomUUID();
        TestAppointment anonymous = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), doctorId));
        TestAppointment named = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), doctorId));
        String anonymousReview =
                Reviews.post(anonymous, 3).statusCode(201).extract().path("id");
        Map<String, Object> namedBody = Reviews.review(named.id(), 5);
        namedBody.put("showName", true);
        String namedReview = Reviews.post(named.patientId(), namedBody)
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .get("/api/doctors/" + doctorId + "/reviews")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", contains(namedReview, anonymousReview))
                .body("items[0].patientId", equalTo(named.patientId().toString()))
                .body("items[0].showName", equalTo(true))
                .body("items[1]", not(hasKey("patientId")))
                .body("items[1].showName", equalTo(false))
                .body("items[1].rating", equalTo(3));

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("page", 1)
                .queryParam("size", 1)
                .get("/api/doctors/" + doctorId + "/reviews")
                .then()
                .statusCode(200)
                .body("totalPages", equalTo(2))
                .body("items.id", contains(anonymousReview));
    }

    @Test
    void shouldRequireToken() {
        given().get("/api/doctors/" + UUID.randomUUID() + "/reviews").then().statusCode(401);
    }
}
