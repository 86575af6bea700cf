package org.clinicbooking.clinical.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class DoctorRatingTest {

    @Inject
    SchedulingEvents scheduling;

    @Test
    void shouldFollowEveryReviewOfDoctor() {
        UUID doctorId = UUID.randomUUID();
        int[] ratings = {5, 4, 4, 2};
        String[] expectedAverages = {"5.0", "4.5", "4.33", "3.75"};

        for (int i = 0; i < ratings.length; i++) {
            TestAppointment appointment = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), doctorId));
            Reviews.post(appointment, ratings[i]).statusCode(201);

            given().auth()
                    .oauth2(TestTokens.patient(UUID.randomUUID()))
                    .get("/api/doctors/" + doctorId + "/rating")
                    .then()
                    .statusCode(200)
                    .body("doctorId", equalTo(doctorId.toString()))
                    .body("count", equalTo(i + 1))
                    .body("average", equalTo(Float.parseFloat(expectedAverages[i])));
        }
    }

    @Test
    void shouldReportNoAverageWithoutReviews() {
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .get("/api/doctors/" + UUID.randomUUID() + "/rating")
                .then()
                .statusCode(200)
                .body("count", equalTo(0))
                .body("average", nullValue());
    }
}
