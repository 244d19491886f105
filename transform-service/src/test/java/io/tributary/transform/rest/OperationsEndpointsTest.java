package io.tributary.transform.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.OperationsEndpointsContract;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String apiTitle() {
        return "Tributary Transform API";
    }

    @Override
    protected String apiPath() {
        return "/api/pipelines/{name}";
    }

    @Test
    void showsHowFarThePipelinesAreBehindInPrometheus() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth().oauth2(TestTokens.token(Roles.ENGINEER)).when().get("/q/metrics").then()
                        .statusCode(200)
                        .body(matchesPattern("(?s).*tributary_transform_lag_records [0-9.]+.*"))
                        .body(containsString("tributary_transform_lag_seconds")));
    }
}
