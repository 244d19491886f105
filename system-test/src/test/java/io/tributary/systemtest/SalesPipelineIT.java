package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static io.tributary.systemtest.RunningSuite.count;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;
import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.SuiteStatus;
import io.tributary.local.TributaryService;

/**
 * The packaged services, each its own process, against a real PostgreSQL and a real Kafka broker: files in through
 * ingestion, sales by region out of serving, exact to the cent; nested orders pushed as events, summed by customer
 * through a pipeline that names their fields by path; a service killed is started again by the launcher.
 */
class SalesPipelineIT {

    /** The web shop's orders as its API sends them: a customer object and an array of items. */
    private static final String WEB_ORDERS = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:tributary:web-orders
            version: 1.0.0
            status: active
            schema:
              - name: web_orders
                properties:
                  - {name: order_id, physicalName: orderId, logicalType: string, primaryKey: true}
                  - {name: order_date, physicalName: orderDate, logicalType: date, required: true}
                  - name: customer
                    logicalType: object
                    required: true
                    properties:
                      - {name: id, logicalType: string, required: true}
                  - name: items
                    logicalType: array
                    required: true
                    logicalTypeOptions: {minItems: 1}
                    items:
                      logicalType: object
                      properties:
                        - {name: sku, logicalType: string, required: true}
                        - {name: sales, logicalType: number, required: true, logicalTypeOptions: {minimum: 0}}
                        - {name: quantity, logicalType: integer}
            """;

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() throws IOException {
        suite = RunningSuite.start("sales-pipeline");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void generatedCsvYieldsExactSalesByRegion(@TempDir Path dumpDir) throws IOException {
        suite.registerSource("generated", "America/New_York");
        GeneratorOptions options = GeneratorOptions.defaults()
                .withSeed(7)
                .withRows(5_000)
                .withDays(5)
                .withStartDate(LocalDate.of(2024, 1, 1))
                .withAnomalyRate(0.02)
                .withDuplicateRate(0.02)
                .withoutSchemaChange();
        GeneratedDumps expected = new SalesDumpGenerator(options).writeCsv(dumpDir);

        List<String> batchIds = new ArrayList<>();
        for (DumpFile file : expected.files()) {
            batchIds.add(suite.upload("generated", file.path(), false));
        }
        long accepted = 0;
        long quarantined = 0;
        long duplicates = 0;
        for (String id : batchIds) {
            JsonPath batch = suite.awaitCompleted(id);
            long received = count(batch, "received");
            assertEquals(received, count(batch, "accepted") + count(batch, "quarantined") + count(batch, "duplicates"),
                    () -> "every record of batch " + id + " is accepted, quarantined or a duplicate: "
                            + batch.prettify());
            accepted += count(batch, "accepted");
            quarantined += count(batch, "quarantined");
            duplicates += count(batch, "duplicates");
        }
        assertEquals(expected.expectedAccepted(), accepted, "accepted records");
        assertEquals(expected.expectedQuarantined(), quarantined, "quarantined records");
        assertEquals(expected.expectedDuplicates(), duplicates, "duplicates");

        suite.awaitSalesByRegion("2024-01-01", "2024-12-31", expected.salesByRegion());

        // the platform's lineage, answered by the requirements service from what ingestion and transform stored
        for (String id : batchIds) {
            JsonPath run = suite.awaitRunEnded(id);
            assertEquals(List.of("COMPLETE", "START"), run.getList("eventType"), () -> run.prettify());
            assertEquals("ingest.generated", run.getString("[0].job.name"));
            assertEquals(count(suite.awaitCompleted(id), "received"),
                    count(run, "[0].run.facets.tributary_recordCounts.received"));
        }
        JsonPath pipeline = given().queryParam("job", "transform.sales")
                .when().get(suite.suite.requirementsUrl() + "/api/lineage")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(pipeline.getList("eventType").contains("START"), () -> pipeline.prettify());
        assertEquals("sales", pipeline.getString("[0].inputs[0].name"));
    }

    @Test
    void realSuperstoreFileYieldsPublishedRegionTotals() throws IOException {
        Path superstore = suite.repositoryRoot.resolve("../shared/data/superstore/superstore.csv").normalize();
        assumeTrue(Files.isRegularFile(superstore), () -> superstore + " is not there; skipping the real-file test");

        suite.registerSource("superstore", "America/Los_Angeles");
        String id = suite.upload("superstore", superstore, false);
        JsonPath batch = suite.awaitCompleted(id);
        assertEquals(10_800, count(batch, "received"), "records received (order lines plus the appended tables)");
        assertEquals(9_994, count(batch, "accepted"), "order lines accepted");
        assertEquals(806, count(batch, "quarantined"), "rows of the appended tables quarantined");
        assertEquals(0, count(batch, "duplicates"), "duplicates");
        List<Map<String, Object>> held = given().queryParam("batch", id).queryParam("size", 1000)
                .when().get(suite.suite.ingestionUrl() + "/api/quarantine")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(806, held.size(), "quarantine entries of the batch");
        assertTrue(held.stream().allMatch(q -> "row.fieldCount".equals(q.get("rule"))
                && !String.valueOf(q.get("reason")).isBlank() && q.get("raw") != null), "each entry has its reason");

        SortedMap<String, BigDecimal> published = new TreeMap<>(Map.of(
                "South", new BigDecimal("391721.9050"),
                "West", new BigDecimal("725457.8245"),
                "Central", new BigDecimal("501239.8908"),
                "East", new BigDecimal("678781.2400")));
        suite.awaitSalesByRegion("2015-01-01", "2018-12-31", published);
    }

    @Test
    void nestedOrdersPushedAsNdjsonAreSummedByCustomerThroughAPipelineNamingTheirFieldsByPath() {
        given().contentType("application/yaml").body(WEB_ORDERS.getBytes(StandardCharsets.UTF_8))
                .when().put(suite.suite.requirementsUrl() + "/api/contracts/{dataset}", "web_orders")
                .then().statusCode(anyOf(is(200), is(201)));
        given().contentType("application/json")
                .body(Map.of("name", "shop", "dataset", "web_orders", "format", "NDJSON", "timeZone", "UTC"))
                .when().post(suite.suite.ingestionUrl() + "/api/sources")
                .then().statusCode(201);
        given().contentType("application/yaml").body("""
                name: web_orders
                dataset: web_orders
                eventTime: order_date
                steps:
                  - derive: {unit_price: "items.sales / items.quantity"}
                aggregate: {dimensions: [customer.id, items.sku], measures: [items.sales, items.quantity]}
                """.getBytes(StandardCharsets.UTF_8))
                .when().put(suite.suite.transformUrl() + "/api/pipelines/{name}", "web_orders")
                .then().statusCode(anyOf(is(200), is(201)));

        JsonPath batch = given().contentType("application/x-ndjson")
                .body("""
                        {"orderId":"O1","orderDate":"2024-03-01","customer":{"id":"C7"},\
                        "items":[{"sku":"CHAIR","sales":120.50,"quantity":2},{"sku":"DESK","sales":300,"quantity":1}]}
                        {"orderId":"O2","orderDate":"2024-03-02","customer":{"id":"C8"},\
                        "items":[{"sku":"LAMP","sales":20,"quantity":1},{"sku":"LAMP","sales":-5,"quantity":-1}]}
                        {"orderId":"O3","orderDate":"2024-03-02","customer":{"id":"C7"},"items":[{"sku":"LAMP","sales":19.99,"quantity":1}]}
                        """
                        .getBytes(StandardCharsets.UTF_8))
                .when().post(suite.suite.ingestionUrl() + "/api/sources/{name}/events", "shop")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETED", batch.getString("status"), batch::prettify);
        assertEquals(4, count(batch, "accepted"), "items accepted");
        assertEquals(1, count(batch, "quarantined"), "the item with a negative sale");
        assertEquals(count(batch, "received"), count(batch, "accepted") + count(batch, "quarantined")
                + count(batch, "duplicates"), batch::prettify);

        SortedMap<String, BigDecimal> expected = new TreeMap<>(Map.of(
                "C7", new BigDecimal("440.49"),
                "C8", new BigDecimal("20")));
        await("sales by customer.id equal " + expected).atMost(RunningSuite.LIMIT).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonPath answer = given().queryParam("groupBy", "customer.id")
                            .when().get(suite.suite.servingUrl() + "/api/metrics/web_orders")
                            .then().statusCode(200).extract().jsonPath();
                    SortedMap<String, BigDecimal> actual = new TreeMap<>();
                    for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
                        actual.put((String) ((Map<?, ?>) row.get("dimensions")).get("customer.id"),
                                new BigDecimal(((Map<?, ?>) row.get("measures")).get("items.sales").toString()));
                    }
                    assertEquals(RunningSuite.normalised(expected), RunningSuite.normalised(actual),
                            answer::prettify);
                });
    }

    @Test
    void aKilledServiceIsStartedAgainAndCountedInTheStatus() {
        long killed = suite.suite.service(TributaryService.SERVING).pid();
        suite.suite.kill(TributaryService.SERVING);
        SuiteStatus.Entry serving = await("the supervisor starts serving-service again").atMost(RunningSuite.LIMIT)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> SuiteStatus.read(suite.suite.config().dataDir()).orElseThrow().processes().stream()
                        .filter(entry -> entry.name().equals("serving-service")).findFirst().orElseThrow(),
                        entry -> entry.restarts() == 1 && entry.state().equals("running"));
        assertNotEquals(killed, serving.pid());
        assertTrue(serving.lastExit().startsWith("exit status 137 (signal 9, SIGKILL) after "), serving.lastExit());
        await("serving-service is ready again").atMost(RunningSuite.LIMIT).pollInterval(Duration.ofMillis(300))
                .until(() -> suite.suite.service(TributaryService.SERVING).isReady());
    }
}
