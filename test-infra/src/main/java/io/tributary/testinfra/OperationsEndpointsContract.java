package io.tributary.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every Tributary service exposes for operations: readiness that checks PostgreSQL and Kafka, Prometheus
 * metrics, and its OpenAPI description. A service's test extends this with its API's title and one of its paths.
 */
public abstract class OperationsEndpointsContract {

    protected abstract String apiTitle();

    protected abstract String apiPath();

    @Test
    void readinessIsUpAndChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Database"), containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString(apiTitle()))
                .body(containsString(apiPath() + ":"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
