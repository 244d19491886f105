package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static io.tributary.systemtest.RunningSuite.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
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
 * ingestion, sales by region out of serving, exact to the cent; a service killed is started again by the launcher.
 */
class SalesPipelineIT {

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
