package io.tributary.requirements.lineage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.openlineage.client.OpenLineage.RunEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tributary.catalog.lineage.LineageEvents;
import io.tributary.catalog.lineage.LineageWriter;
import io.tributary.catalog.lineage.Namespaces;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class LineageResourceTest {

    private static final String PRODUCER = "https://tributary.io/ingestion-service";
    private static final String DATASET = "lineage_sales";
    private static final String KAFKA = "kafka://127.0.0.1:9092";
    private static final String TOPIC = "tributary-records-accepted";

    @Inject
    LineageWriter writer;

    private final LineageEvents lineage = new LineageEvents(PRODUCER);

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    /** A batch of a source as ingestion stores it: START, then COMPLETE, reading a file and writing the topic. */
    private String batch(String source, Instant at) {
        UUID run = UUID.randomUUID();
        writer.write(() -> List.of(event(RunEvent.EventType.START, run, source, at),
                event(RunEvent.EventType.COMPLETE, run, source, at.plusSeconds(1))));
        return run.toString();
    }

    private RunEvent event(RunEvent.EventType type, UUID run, String source, Instant at) {
        return lineage.event(type, at, run)
                .job(Namespaces.TRIBUTARY, "ingest." + source, LineageEvents.BATCH, "INGESTION")
                .input(lineage.input(Namespaces.FILE, "/landing/" + source + "/" + run + ".csv"))
                .output(lineage.output(KAFKA, TOPIC))
                .output(lineage.output(Namespaces.TRIBUTARY, DATASET))
                .build();
    }

    @Test
    void listsEventsOfJobAndOfDatasetNewestFirst() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        String first = batch(source, now.minusSeconds(10));
        String second = batch(source, now);

        JsonPath job = given().queryParam("job", "ingest." + source).get("/api/lineage")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("COMPLETE", "START", "COMPLETE", "START"), job.getList("eventType"));
        assertEquals(List.of(second, second, first, first), job.getList("run.runId"));
        List<String> times = job.getList("eventTime");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!OffsetDateTime.parse(times.get(i)).isAfter(OffsetDateTime.parse(times.get(i - 1))), times
                    .toString());
        }

        given().queryParam("job", "ingest." + source).queryParam("limit", 1).get("/api/lineage")
                .then().statusCode(200).body("size()", is(1)).body("[0].run.runId", is(second));
        given().queryParam("dataset", DATASET).queryParam("role", "output").queryParam("limit", 1000)
                .get("/api/lineage")
                .then().statusCode(200).body("run.runId", hasItem(first)).body("run.runId", hasItem(second));
        given().queryParam("dataset", DATASET).queryParam("role", "input").get("/api/lineage")
                .then().statusCode(200).body("size()", is(0));
        given().queryParam("dataset", TOPIC).queryParam("namespace", KAFKA).queryParam("limit", 1000)
                .get("/api/lineage")
                .then().statusCode(200).body("run.runId", hasItem(first));
        given().queryParam("run", first).queryParam("job", "ingest.elsewhere").get("/api/lineage")
                .then().statusCode(200).body("size()", is(0));
    }

    @Test
    void answersTheEventsAsTheyWereStored() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        String run = batch(source, Instant.parse("2024-01-05T10:15:30.123456Z"));

        JsonPath events = given().queryParam("run", run).get("/api/lineage")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("COMPLETE", "START"), events.getList("eventType"));
        assertEquals("2024-01-05T10:15:30.123456Z", events.getString("[1].eventTime"));
        assertEquals(PRODUCER, events.getString("[1].producer"));
        assertEquals("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                events.getString("[1].schemaURL"));
        assertEquals(List.of(KAFKA, "tributary"), events.getList("[1].outputs.namespace"));
    }

    @Test
    void refusesMalformedQuery() {
        given().queryParam("limit", 0).get("/api/lineage").then().statusCode(400)
                .body("problems[0]", containsString("limit"));
        given().queryParam("run", "not-a-uuid").get("/api/lineage").then().statusCode(400)
                .body("problems[0]", containsString("run"));
        given().queryParam("dataset", "x").queryParam("role", "sideways").get("/api/lineage").then().statusCode(400)
                .body("problems[0]", containsString("role"));
        given().queryParam("role", "input").get("/api/lineage").then().statusCode(400);
    }

    @Test
    void analystReadsTheReasonARunFailedMasked() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        UUID run = UUID.randomUUID();
        String reason = "duplicate key value violates unique constraint: Key (email)=(ann@example.com) already exists";
        writer.write(() -> List.of(lineage.event(RunEvent.EventType.FAIL, Instant.now(), run)
                .job(Namespaces.TRIBUTARY, "ingest." + source, LineageEvents.BATCH, "INGESTION")
                .errorMessage(reason)
                .output(lineage.output(Namespaces.TRIBUTARY, DATASET))
                .build()));

        TestTokens.signInAs(Roles.ANALYST);
        given().queryParam("run", run.toString()).get("/api/lineage")
                .then().statusCode(200)
                .body("[0].run.facets.errorMessage.message", is("***"))
                .body("[0].outputs[0].name", is(DATASET));
        for (String role : List.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER)) {
            TestTokens.signInAs(role);
            given().queryParam("run", run.toString()).get("/api/lineage")
                    .then().statusCode(200)
                    .body("[0].run.facets.errorMessage.message", is(reason));
        }
    }
}
