package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static io.tributary.systemtest.RunningSuite.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;
import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.ServiceProcess;
import io.tributary.local.TributaryService;

/**
 * Two instances of the ingestion service and two of the transform service, each a packaged process, share one catalog
 * and one broker (decision 0033): files dropped into a folder both ingestion instances watch, and pushes of events sent
 * to either, are each processed once as one batch by one instance; the transform instances split the partitions of
 * the accepted records, one of them killed (SIGKILL) and started again on the way; the curated rows and the aggregate
 * equal the totals the generator computed from the input.
 */
class ReplicasIT {

    /** The days dropped as files; the others are pushed as events. */
    private static final int DROPPED_DAYS = 3;

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() throws IOException {
        suite = RunningSuite.start("replicas");
        suite.suite.startReplica(TributaryService.INGESTION, 2);
        suite.suite.startReplica(TributaryService.TRANSFORM, 2);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void twoInstancesOfEachServiceProcessEveryBatchOnceAndTheTotalsAreExact(@TempDir Path dumps) throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults().withSeed(23).withRows(30_000).withDays(6)
                .withStartDate(LocalDate.of(2023, 3, 1)).withAnomalyRate(0.01).withDuplicateRate(0)
                .withoutSchemaChange();
        GeneratedDumps csv = new SalesDumpGenerator(options).writeCsv(dumps.resolve("csv"));
        GeneratedDumps ndjson = new SalesDumpGenerator(options).writeNdjson(dumps.resolve("ndjson"));
        assertEquals(csv.salesByRegion(), ndjson.salesByRegion(), "the two formats carry the same orders");
        List<String> ingestion = List.of(suite.suite.ingestionUrl(), baseUrl("ingestion-service-2"));
        Path folder = Files.createDirectories(suite.suite.dropRoot().resolve("replicas"));
        suite.registerSource("dropped", Map.of("format", "CSV", "dropFolder", "replicas"));
        suite.registerSource("pushed", Map.of("format", "NDJSON"));

        long expectedAccepted = 0;
        long expectedQuarantined = 0;
        for (int day = 0; day < DROPPED_DAYS; day++) {
            DumpFile file = csv.files().get(day);
            Path part = folder.resolve(file.path().getFileName() + ".part");
            Files.copy(file.path(), part);
            Files.move(part, folder.resolve(file.path().getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            expectedAccepted += file.accepted();
            expectedQuarantined += file.quarantined();
        }
        List<JsonPath> pushes = new ArrayList<>();
        for (int day = DROPPED_DAYS; day < ndjson.files().size(); day++) {
            DumpFile file = ndjson.files().get(day);
            List<String> events = Files.readAllLines(file.path(), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            // each push to the other instance than the one before
            pushes.add(given().contentType("application/x-ndjson")
                    .body((String.join("\n", events) + "\n").getBytes(StandardCharsets.UTF_8))
                    .when().post(ingestion.get(day % 2) + "/api/sources/pushed/events")
                    .then().statusCode(200).extract().jsonPath());
            expectedAccepted += file.accepted();
            expectedQuarantined += file.quarantined();
        }
        // the partitions of the transform instance killed move to the other, and back once it runs again
        long at = await("the transform applies records").atMost(RunningSuite.LIMIT).pollInterval(Duration.ofMillis(50))
                .until(suite::curatedRows, rows -> rows > 0);
        killReplica("transform-service-2");
        System.out.println("[replicas] transform-service-2 killed at " + at + " curated rows of " + csv.expectedAccepted());

        List<JsonPath> dropped = await("one batch of each dropped file finishes").atMost(RunningSuite.LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> suite.batches("dropped"), b -> b.size() == DROPPED_DAYS && b.stream()
                        .allMatch(batch -> Set.of("COMPLETED", "FAILED").contains(batch.getString("status"))));
        List<JsonPath> all = new ArrayList<>(dropped);
        all.addAll(pushes);
        long accepted = 0;
        long quarantined = 0;
        Set<String> processedBy = new TreeSet<>();
        for (JsonPath batch : all) {
            assertEquals("COMPLETED", batch.getString("status"), batch::prettify);
            assertEquals(count(batch, "received"), count(batch, "accepted") + count(batch, "quarantined")
                    + count(batch, "duplicates"), () -> "counts add up: " + batch.prettify());
            accepted += count(batch, "accepted");
            quarantined += count(batch, "quarantined");
            processedBy.add(batch.getString("processedBy"));
        }
        assertEquals(expectedAccepted, accepted, "accepted records");
        assertEquals(expectedQuarantined, quarantined, "quarantined records");
        assertEquals(Set.of("ingestion-service", "ingestion-service-2"), processedBy,
                "each pushed batch is processed by the instance that received it");

        long published = accepted;
        JsonPath pipeline = await("the pipeline has received every published record").atMost(RunningSuite.LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get(suite.suite.transformUrl() + "/api/pipelines/sales").then()
                        .statusCode(200).extract().jsonPath(),
                        p -> count(p, "counts.received") >= published && count(p, "lagRecords") == 0);
        assertEquals(published, count(pipeline, "counts.received"), "every accepted record reaches the pipeline once");
        assertEquals(0, count(pipeline, "counts.duplicates"), "no batch was published twice");
        assertEquals(expectedAccepted, suite.curatedRows(),
                () -> "one curated row per accepted order line: " + pipeline.prettify());
        suite.awaitSalesByRegion("2023-01-01", "2023-12-31", csv.salesByRegion());
    }

    private static String baseUrl(String instance) {
        return replica(instance).baseUrl();
    }

    private static ServiceProcess replica(String instance) {
        return suite.suite.replica(instance);
    }

    /** Kills the instance (SIGKILL) and starts it again under the same name. */
    private static void killReplica(String instance) {
        ServiceProcess process = replica(instance);
        process.kill();
        int number = Integer.parseInt(instance.substring(instance.lastIndexOf('-') + 1));
        suite.suite.startReplica(TributaryService.TRANSFORM, number);
    }
}
