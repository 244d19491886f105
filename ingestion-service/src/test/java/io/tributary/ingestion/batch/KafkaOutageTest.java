package io.tributary.ingestion.batch;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.acceptedRecordsOf;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.intake.IntakeService;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * Kafka goes down and comes back, for real: the test broker is stopped and started again on the same port and log
 * directory. The test profile gives the producer a few seconds, not minutes, before a record counts as refused.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class KafkaOutageTest {

    private static final int ROWS = 40;
    private static final String EVENT = """
            {"Row ID": %d, "Order ID": "WEB-7", "Order Date": "3/1/2024", "Region": "West", "Sales": 2.5}""";

    @Inject
    CatalogFixtures fixtures;

    @Inject
    IntakeService intake;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @AfterEach
    void bringKafkaBack() {
        KafkaBrokerResource.startBroker();
    }

    @Test
    void publishesAcknowledgedFileOnceKafkaIsBack() throws IOException {
        String source = registerSource("sales");
        String file = "Row ID,Order ID,Order Date,Region,Sales\n"
                + IntStream.rangeClosed(1, ROWS).mapToObj(i -> i + ",CA-" + i + ",1/5/2024,West," + i + "\n")
                        .collect(Collectors.joining())
                + "999,CA-999,13/45/2024,West,1\n";

        KafkaBrokerResource.stopBroker();
        String batch = upload(source, file);

        assertEquals(file, Files.readString(Path.of(intake.batch(UUID.fromString(batch)).landingPath)),
                "acknowledged, the file is in the landing archive");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/batches/" + batch)
                .then().body("status", oneOf("RECEIVED", "PROCESSING"))
                .body("error", containsString("waiting for Kafka")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/api/batches/" + batch)
                        .then().body("status", oneOf("RECEIVED", "PROCESSING")));

        KafkaBrokerResource.startBroker();
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().get("/api/batches/" + batch)
                .then().body("status", is("COMPLETED")));
        given().get("/api/batches/" + batch).then()
                .body("received", is(ROWS + 1))
                .body("accepted", is(ROWS))
                .body("quarantined", is(1))
                .body("error", is(emptyOrNullString()));

        List<RecordEvent> published = acceptedRecordsOf(UUID.fromString(batch));
        Set<UUID> ids = published.stream().map(RecordEvent::id).collect(Collectors.toSet());
        assertEquals(ROWS, ids.size(), "every accepted record is on the topic");
        assertEquals(ROWS, published.size(), "and none of them twice");
        assertEquals(IntStream.rangeClosed(1, ROWS).mapToObj(Integer::toString).collect(Collectors.toSet()),
                published.stream().map(RecordEvent::subject).collect(Collectors.toSet()));
        given().queryParam("batch", batch).get("/api/quarantine").then().body("size()", is(1));
    }

    @Test
    void refusesEventsWithRetryAfterWhileKafkaIsDownAndTakesThemOnceItIsBack() {
        String source = registerSource("sales", Map.of("format", "NDJSON"));
        String events = IntStream.rangeClosed(1, 5).mapToObj(i -> EVENT.formatted(i) + "\n")
                .collect(Collectors.joining());

        KafkaBrokerResource.stopBroker();
        String refused = given().contentType("application/x-ndjson").body(events.getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "1")
                .header("Location", containsString("/api/batches/"))
                .body("detail", containsString("Kafka is unavailable"))
                .body("detail", containsString("none of these events was acknowledged"))
                .body("problems[0]", containsString("set aside as FAILED"))
                .extract().header("Location");
        String refusedBatch = refused.substring(refused.lastIndexOf('/') + 1);
        given().get("/api/batches/" + refusedBatch).then()
                .body("status", is("FAILED"))
                .body("error", containsString("nothing of this call was acknowledged"));

        KafkaBrokerResource.startBroker();
        String taken = given().contentType("application/x-ndjson").body(events.getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("status", is("COMPLETED"))
                .body("accepted", is(5))
                .extract().path("id");

        assertEquals(5, acceptedRecordsOf(UUID.fromString(taken)).size());
        assertTrue(acceptedRecordsOf(UUID.fromString(refusedBatch)).isEmpty(),
                "the refused call left nothing to be published behind the caller's back");
        given().get("/api/batches/" + refusedBatch).then().body("status", is("FAILED"));
    }
}
