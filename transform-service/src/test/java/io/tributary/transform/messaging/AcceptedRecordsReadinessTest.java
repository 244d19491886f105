package io.tributary.transform.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;

/**
 * A live consumer Kafka refuses to create (here: a security protocol asked for without its credentials) leaves the
 * service not ready, saying why, and is tried again, rather than ending its thread while the service reports ready.
 */
@QuarkusTest
@TestProfile(AcceptedRecordsReadinessTest.WithoutCredentials.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class AcceptedRecordsReadinessTest {

    /** SASL asked for, and no login module to sign in with. */
    public static final class WithoutCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.security.protocol", "SASL_PLAINTEXT", "kafka.sasl.mechanism", "SCRAM-SHA-512");
        }
    }

    @Test
    void notReadyWithTheReasonWhileKafkaRefusesToCreateTheConsumer() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().none()
                .when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == '" + AcceptedRecordsReadiness.NAME + "' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + AcceptedRecordsReadiness.NAME + "' }.data.reason",
                        containsString("could not be created")));
    }

    @Test
    void triesAgainToCreateTheConsumerRatherThanStopping() throws InterruptedException {
        Thread.sleep(AcceptedRecordsConsumer.CREATE_AGAIN_AFTER.multipliedBy(2).toMillis());
        // a consumer whose thread had ended would say it is not running
        given().auth().none().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == '" + AcceptedRecordsReadiness.NAME + "' }.data.reason",
                        containsString("could not be created"));
    }
}
