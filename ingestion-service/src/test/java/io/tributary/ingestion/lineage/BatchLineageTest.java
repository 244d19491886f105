package io.tributary.ingestion.lineage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.openlineage.client.OpenLineage.RunEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.catalog.lineage.LineageRepository;
import io.tributary.catalog.lineage.LineageWriter;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.batch.BatchCounts;
import io.tributary.ingestion.batch.BatchLifecycle;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class BatchLineageTest {

    /** Its own dataset, so that the contract versions other tests expect of theirs stay as they are. */
    private static final String DATASET = "lineage_sales";
    private static final String FILE = String.join("\n",
            "Row ID,Order ID,Order Date,Region,Sales",
            "1,CA-1,1/5/2024,West,12.50",
            "2,CA-1,1/5/2024,East,1000.5",
            "1,CA-1,1/5/2024,West,12.50",
            "3,CA-2,1/6/2024,,3") + "\n";

    @Inject
    CatalogFixtures fixtures;

    @Inject
    LineageWriter writer;

    @Inject
    LineageRepository lineage;

    private static boolean contractStored;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        if (!contractStored) {
            fixtures.contract(DATASET, "/contracts/sales.yaml");
            contractStored = true;
        }
    }

    @Test
    void storesStartAndCompleteOfUploadedBatch() {
        String source = register(DATASET);
        String batch = upload(source, FILE);
        awaitStatus(batch, "COMPLETED");

        JsonPath run = awaitEvents(batch, 2);
        assertEquals(List.of("COMPLETE", "START"), run.getList("eventType"));

        String producer = "https://tributary.io/ingestion-service";
        String runEvent = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
        for (int i = 0; i < 2; i++) {
            String e = "[" + i + "].";
            assertEquals(batch, run.getString(e + "run.runId"));
            assertEquals("tributary", run.getString(e + "job.namespace"));
            assertEquals("ingest." + source, run.getString(e + "job.name"));
            assertEquals(producer, run.getString(e + "producer"));
            assertEquals(runEvent, run.getString(e + "schemaURL"));
            OffsetDateTime.parse(run.getString(e + "eventTime"));
            assertEquals("file", run.getString(e + "inputs[0].namespace"));
            String landed = run.getString(e + "inputs[0].name");
            assertTrue(landed.startsWith("/") && landed.contains(batch) && landed.endsWith("upload.csv"), landed);
            assertEquals(List.of("kafka://" + KafkaBrokerResource.bootstrapServers(), "tributary"),
                    run.getList(e + "outputs.namespace"));
            assertEquals(List.of("tributary-records-accepted." + DATASET, DATASET), run.getList(e + "outputs.name"));
            assertEquals("integer", run.getString(e + "outputs[1].facets.schema.fields.find { it.name == 'row_id' }.type"));
            assertEquals(producer, run.getString(e + "outputs[1].facets.schema._producer"));
        }
        assertEquals(List.of("Row ID", "Order ID", "Order Date", "Region", "Sales"),
                run.getList("[0].inputs[0].facets.schema.fields.name"));

        Map<String, Object> counts = run.getMap("[0].run.facets.tributary_recordCounts");
        assertEquals(4, counts.get("received"));
        assertEquals(2, counts.get("accepted"));
        assertEquals(1, counts.get("quarantined"));
        assertEquals(1, counts.get("duplicates"));
        assertEquals(producer, counts.get("_producer"));
        assertTrue(((String) counts.get("_schemaURL")).startsWith("https://"));
        assertEquals(2, run.getInt("[0].outputs[0].outputFacets.outputStatistics.rowCount"));
        assertEquals(2, run.getInt("[0].outputs[1].outputFacets.outputStatistics.rowCount"));
        assertTrue(run.getString("[0].outputs[0].outputFacets.outputStatistics._schemaURL")
                .contains("OutputStatisticsOutputDatasetFacet"));
    }

    @Test
    void storesFailWithErrorMessageOfBatchWithoutContract() {
        String source = register("lineage_no_contract");
        String batch = upload(source, FILE);
        awaitStatus(batch, "FAILED");

        JsonPath run = awaitEvents(batch, 2);
        assertEquals(List.of("FAIL", "START"), run.getList("eventType"));
        assertTrue(run.getString("[0].run.facets.errorMessage.message")
                .contains("dataset 'lineage_no_contract' has no data contract"));
        assertEquals("JAVA", run.getString("[0].run.facets.errorMessage.programmingLanguage"));
        assertEquals(List.of(), run.getList("[0].outputs"));
        assertEquals("file", run.getString("[0].inputs[0].namespace"));
    }

    @Test
    void countsBatchesBytesAndDurationPerSource() {
        String source = register(DATASET);
        String batch = upload(source, FILE);
        awaitStatus(batch, "COMPLETED");
        awaitEvents(batch, 2);

        long size = given().get("/api/batches/" + batch).then().extract().jsonPath().getLong("sizeBytes");
        Map<String, String> completed = Map.of("source", source, "outcome", "completed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
            assertEquals(1.0, metric(metrics, "tributary_ingestion_batches_total", completed));
            assertEquals((double) size, metric(metrics, "tributary_ingestion_bytes_total", Map.of("source", source)));
            assertEquals(1.0, metric(metrics, "tributary_ingestion_batch_duration_seconds_count", completed));
            assertNull(metric(metrics, "tributary_ingestion_batches_total", Map.of("source", source, "outcome",
                    "failed")));
        });
    }

    /** The value of a Prometheus sample with exactly these labels, or null when there is none. */
    private static Double metric(String exposition, String name, Map<String, String> labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{(.*?),?\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(exposition);
        while (m.find()) {
            Map<String, String> found = new HashMap<>();
            Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(m.group(1));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.equals(labels)) {
                return Double.valueOf(m.group(2));
            }
        }
        return null;
    }

    @Test
    void storesStartAndCompleteOfEveryPushOnceItEnds() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", source, "dataset", DATASET, "format", "JSON", "timeZone", "America/New_York"))
                .post("/api/sources")
                .then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            String batch = given().contentType("application/json")
                    .body("{\"Row ID\": " + (10 + i) + ", \"Order ID\": \"WEB-1\", \"Order Date\": \"1/5/2024\", "
                            + "\"Region\": \"West\", \"Sales\": 3}")
                    .post("/api/sources/" + source + "/events")
                    .then().statusCode(200)
                    .extract().path("id");
            JsonPath run = awaitEvents(batch, 2);
            assertEquals(List.of("COMPLETE", "START"), run.getList("eventType"));
            assertEquals("ingest." + source, run.getString("[1].job.name"));
            assertEquals(1, run.getInt("[0].run.facets.tributary_recordCounts.accepted"));
            assertEquals(List.of("Row ID", "Order ID", "Order Date", "Region", "Sales"),
                    run.getList("[1].inputs[0].facets.schema.fields.name"));
        }
    }

    private static String register(String dataset) {
        String name = "src-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "dataset", dataset, "format", "CSV", "timeZone", "America/New_York"))
                .post("/api/sources")
                .then().statusCode(201);
        return name;
    }

    private static String upload(String source, String body) {
        return given().contentType("text/csv").body(body)
                .post("/api/sources/" + source + "/files?fileName=upload.csv")
                .then().statusCode(202)
                .extract().path("id");
    }

    private static void awaitStatus(String batch, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/batches/" + batch).then().body("status", is(status)));
    }

    /** The batch's run events as stored in the catalog, newest first, once there are {@code count} of them. */
    private JsonPath awaitEvents(String batch, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.lineage(batch).size() == count);
        return JsonPath.from(fixtures.lineage(batch).toString());
    }

    @Test
    void storesAPushsWholeRunWithTheCompletionOfItsBatchBeforeAnswering() {
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", source, "dataset", DATASET, "format", "JSON", "timeZone", "America/New_York"))
                .post("/api/sources")
                .then().statusCode(201);
        String batch = given().contentType("application/json")
                .body("{\"Row ID\": 20, \"Order ID\": \"WEB-2\", \"Order Date\": \"1/5/2024\", "
                        + "\"Region\": \"West\", \"Sales\": 3}")
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .extract().path("id");

        // no wait: the run was stored in the transaction that completed the batch, before the answer
        JsonPath run = JsonPath.from(fixtures.lineage(batch).toString());
        assertEquals(List.of("COMPLETE", "START"), run.getList("eventType"));
        assertEquals(1, run.getInt("[0].run.facets.tributary_recordCounts.accepted"));
    }

    @Test
    void runEventsStoredInOneRoundTripAreStoredAsThoseStoredOneByOne() {
        BatchRunEvents events = new BatchRunEvents("kafka://127.0.0.1:9092");
        UUID byOne = UUID.randomUUID();
        UUID inOne = UUID.randomUUID();
        Instant at = Instant.parse("2024-01-05T10:15:30.123456Z");

        writer.write(() -> events.of(completed(byOne, at), List.of(), false));
        List<RunEvent> made = events.of(completed(inOne, at), List.of(), false);
        QuarkusTransaction.requiringNew().run(() -> writer.store(made));

        List<String> reference = QuarkusTransaction.requiringNew().call(() -> rows(byOne));
        assertEquals(2, reference.size());
        assertEquals(reference, QuarkusTransaction.requiringNew().call(() -> rows(inOne)));
    }

    /** The run's stored events, each as one line of what its row and dataset rows hold, its run id left out. */
    private List<String> rows(UUID run) {
        return lineage.listByRun(run).stream()
                .map(e -> String.join(" | ", e.eventType, e.eventTime.toString(), e.jobNamespace, e.jobName,
                        withoutRunId(e.event).toString(), e.datasets.stream()
                                .map(d -> d.role + " " + d.namespace + " " + d.name).sorted().toList().toString()))
                .toList();
    }

    private static BatchLifecycle completed(UUID batch, Instant at) {
        return new BatchLifecycle(BatchLifecycle.Phase.COMPLETED, batch, "shop", DATASET, 1,
                Path.of("/landing/shop/events.json").toString(), List.of("Row ID", "Region"),
                new BatchCounts(3, 2, 1, 0), null, at, true);
    }

    private static ObjectNode withoutRunId(String event) {
        ObjectNode json = (ObjectNode) LineageJson.read(event);
        ((ObjectNode) json.get("run")).remove("runId");
        return json;
    }
}
