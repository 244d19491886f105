package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.DemoLoader;
import io.tributary.local.Suite;
import io.tributary.local.SuiteConfig;
import io.tributary.local.TributaryService;

/**
 * The packaged services, each its own process, against a real PostgreSQL and a real Kafka broker: files in through
 * ingestion, sales by region out of serving, exact to the cent.
 */
class SalesPipelineIT {

    /** Limits only: the awaited states usually arrive within seconds. */
    private static final Duration BATCH_LIMIT = Duration.ofMinutes(3);
    private static final Duration METRICS_LIMIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED");
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static Path repositoryRoot;
    private static Path dataDir;
    private static Suite suite;

    @BeforeAll
    static void startSuiteAndRegisterContract() throws IOException {
        repositoryRoot = repositoryRoot();
        List<String> missing = new ArrayList<>();
        for (TributaryService service : TributaryService.values()) {
            if (!Files.isRegularFile(service.jar(repositoryRoot))) {
                missing.add(service.jar(repositoryRoot).toString());
            }
        }
        if (!missing.isEmpty()) {
            fail("The system test runs the packaged services, but these jars are missing: " + missing
                    + ". Package them first, e.g. ./mvnw -B -ntp -DskipTests install, or run ./mvnw verify from "
                    + "the repository root.");
        }
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

        dataDir = Files.createTempDirectory("tributary-system-test-");
        suite = Suite.start(SuiteConfig.freePorts(dataDir, repositoryRoot),
                line -> System.out.println("[suite] " + line));

        given().contentType("application/yaml").body(DemoLoader.contractYaml().getBytes(StandardCharsets.UTF_8))
                .when().put(suite.requirementsUrl() + "/api/contracts/{dataset}", "sales")
                .then().statusCode(anyOf(is(200), is(201))).body("version", notNullValue());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
            keepServiceLogs();
        }
        deleteRecursively(dataDir);
    }

    @Test
    void generatedCsvYieldsExactSalesByRegion(@TempDir Path dumpDir) throws IOException {
        registerSource("generated", "America/New_York");
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
            batchIds.add(upload("generated", file.path()));
        }
        long accepted = 0;
        long quarantined = 0;
        long duplicates = 0;
        for (String id : batchIds) {
            JsonPath batch = awaitCompleted(id);
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

        awaitSalesByRegion("2024-01-01", "2024-12-31", expected.salesByRegion());
    }

    @Test
    void realSuperstoreFileYieldsPublishedRegionTotals() throws IOException {
        Path superstore = repositoryRoot.resolve("../shared/data/superstore/superstore.csv").normalize();
        assumeTrue(Files.isRegularFile(superstore), () -> superstore + " is not there; skipping the real-file test");

        registerSource("superstore", "America/Los_Angeles");
        String id = upload("superstore", superstore);
        JsonPath batch = awaitCompleted(id);
        assertEquals(10_800, count(batch, "received"), "records received (order lines plus the appended tables)");
        assertEquals(9_994, count(batch, "accepted"), "order lines accepted");
        assertEquals(806, count(batch, "quarantined"), "rows of the appended tables quarantined");
        assertEquals(0, count(batch, "duplicates"), "duplicates");
        List<Map<String, Object>> held = given().queryParam("batch", id).queryParam("size", 1000)
                .when().get(suite.ingestionUrl() + "/api/quarantine")
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
        awaitSalesByRegion("2015-01-01", "2018-12-31", published);
    }

    // ------------------------------------------------------------------ helpers

    private static void registerSource(String name, String timeZone) {
        given().contentType("application/json")
                .body(Map.of("name", name, "dataset", "sales", "format", "CSV", "timeZone", timeZone))
                .when().post(suite.ingestionUrl() + "/api/sources")
                .then().statusCode(201);
    }

    /** Sends one file as is and returns the id of its batch. */
    private static String upload(String source, Path file) throws IOException {
        Response response = given().contentType("text/csv").body(Files.readAllBytes(file))
                .queryParam("fileName", file.getFileName().toString())
                .when().post(suite.ingestionUrl() + "/api/sources/{name}/files", source)
                .then().statusCode(202).header("Location", notNullValue())
                .extract().response();
        String id = response.jsonPath().getString("id");
        assertNotNull(id, () -> "the batch id of " + file + ": " + response.asString());
        return id;
    }

    private static JsonPath awaitCompleted(String id) {
        JsonPath batch = await("batch " + id + " finishes")
                .atMost(BATCH_LIMIT).pollInterval(POLL)
                .until(() -> given().when().get(suite.ingestionUrl() + "/api/batches/{id}", id)
                        .then().statusCode(200).extract().jsonPath(DECIMALS),
                        b -> FINISHED.contains(b.getString("status")));
        assertEquals("COMPLETED", batch.getString("status"), () -> "batch " + id + ": " + batch.prettify());
        return batch;
    }

    private static long count(JsonPath batch, String field) {
        Object value = batch.get(field);
        assertNotNull(value, () -> "batch has no " + field + ": " + batch.prettify());
        return new BigDecimal(value.toString()).longValueExact();
    }

    /** Waits until serving answers exactly these totals (compared as decimals, whatever their scale). */
    private static void awaitSalesByRegion(String from, String to, SortedMap<String, BigDecimal> expected) {
        SortedMap<String, BigDecimal> wanted = normalised(expected);
        await("sales by region from " + from + " to " + to + " equal " + wanted)
                .atMost(METRICS_LIMIT).pollInterval(POLL)
                .untilAsserted(() -> {
                    JsonPath answer = given()
                            .queryParam("groupBy", "region").queryParam("from", from).queryParam("to", to)
                            .when().get(suite.servingUrl() + "/api/metrics/sales")
                            .then().statusCode(200).extract().jsonPath(DECIMALS);
                    SortedMap<String, BigDecimal> actual = new TreeMap<>();
                    List<Map<String, Object>> rows = answer.getList("rows");
                    for (Map<String, Object> row : rows) {
                        actual.merge((String) row.get("region"), new BigDecimal(row.get("sales").toString()),
                                BigDecimal::add);
                    }
                    assertEquals(wanted, normalised(actual), "sales by region");
                    assertNotNull(answer.get("currentAsOf"), "currentAsOf of a non-empty answer");
                });
    }

    private static SortedMap<String, BigDecimal> normalised(Map<String, BigDecimal> totals) {
        SortedMap<String, BigDecimal> result = new TreeMap<>();
        totals.forEach((region, total) -> result.put(region, total.stripTrailingZeros()));
        return result;
    }

    /**
     * The checkout: the {@code tributary.root} system property (failsafe passes Maven's multi-module project
     * directory), else the parent of this module's directory.
     */
    private static Path repositoryRoot() {
        String root = System.getProperty("tributary.root");
        if (root != null && !root.isBlank() && !root.contains("${")) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Copies the services' logs to target/system-test-logs before the data directory goes. */
    private static void keepServiceLogs() {
        Path target = Path.of("target", "system-test-logs");
        try (Stream<Path> logs = Files.list(suite.logDir())) {
            Files.createDirectories(target);
            for (Path log : logs.toList()) {
                Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.println("[suite] service logs kept in " + target.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("[suite] could not keep the service logs: " + e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[suite] could not delete " + dir + ": " + e);
        }
    }
}
