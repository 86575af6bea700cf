package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest {

    @Test
    void shouldReportDatabaseAndKafkaConsumerReady() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body(
                        "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.domain-events",
                        equalTo("[OK]"))
                .body("checks.name", hasItem("Reactive MySQL connections health check"))
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"));
    }
}
