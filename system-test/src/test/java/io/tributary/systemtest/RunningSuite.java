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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;
import io.tributary.local.Session;
import io.tributary.local.Suite;
import io.tributary.local.SuiteConfig;

/**
 * The packaged suite for one test class: started on free ports in a temporary folder with the demo contract and
 * pipeline of the {@code sales} dataset, and the steps the tests take through its APIs.
 */
final class RunningSuite implements AutoCloseable {

    /** Limits only: the awaited states usually arrive within seconds. */
    static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED");
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    final Path repositoryRoot;
    final Suite suite;
    private final Path dataDir;
    private final String name;

    private RunningSuite(String name, Path repositoryRoot, Path dataDir, Suite suite) {
        this.name = name;
        this.repositoryRoot = repositoryRoot;
        this.dataDir = dataDir;
        this.suite = suite;
    }

    static RunningSuite start(String name) throws IOException {
        Path root = repositoryRoot();
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        Path data = Files.createTempDirectory("tributary-" + name + "-");
        Suite suite = Suite.start(SuiteConfig.freePorts(data, root), line -> System.out.println("[suite] " + line));
        RunningSuite running = new RunningSuite(name, root, data, suite);
        // every request signs in as the suite's admin, with the password the suite generated, as a person would
        Session admin = Session.admin(suite);
        RestAssured.replaceFiltersWith((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", admin.authorization());
            }
            return context.next(request, response);
        });
        given().contentType("application/yaml").body(DemoLoader.contractYaml().getBytes(StandardCharsets.UTF_8))
                .when().put(suite.requirementsUrl() + "/api/contracts/{dataset}", "sales")
                .then().statusCode(anyOf(is(200), is(201))).body("version", notNullValue());
        given().contentType("application/yaml").body(DemoLoader.pipelineYaml().getBytes(StandardCharsets.UTF_8))
                .when().put(suite.transformUrl() + "/api/pipelines/{name}", "sales")
                .then().statusCode(anyOf(is(200), is(201))).body("version", notNullValue());
        return running;
    }

    @Override
    public void close() {
        suite.close();
        keepServiceLogs();
        deleteRecursively(dataDir);
    }

    void registerSource(String source, String timeZone) {
        registerSource(source, Map.of("format", "CSV", "timeZone", timeZone));
    }

    /** Registers a source of the {@code sales} dataset, in UTC unless the settings say otherwise. */
    void registerSource(String source, Map<String, String> settings) {
        Map<String, String> definition = new HashMap<>(Map.of("timeZone", "UTC"));
        definition.putAll(settings);
        definition.putAll(Map.of("name", source, "dataset", "sales"));
        given().contentType("application/json").body(definition)
                .when().post(suite.ingestionUrl() + "/api/sources")
                .then().statusCode(201);
    }

    /** Every batch of a source, as ingestion answers for each. */
    List<JsonPath> batches(String source) {
        List<String> ids = given().when().get(suite.ingestionUrl() + "/api/sources/{name}/batches", source)
                .then().statusCode(200).extract().jsonPath().getList("id");
        List<JsonPath> batches = new ArrayList<>();
        for (String id : ids) {
            batches.add(given().when().get(suite.ingestionUrl() + "/api/batches/{id}", id)
                    .then().statusCode(200).extract().jsonPath());
        }
        return batches;
    }

    /** The order lines the sales pipeline has curated. */
    long curatedRows() throws SQLException {
        return number("select count(*) from curated.sales where _status = 'curated'");
    }

    /** The number the suite's PostgreSQL answers to a query of one row and one column. */
    long number(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Sends one file as is and returns the id of its batch; {@code force} ingests a file already received. */
    String upload(String source, Path file, boolean force) throws IOException {
        Response response = given().contentType("text/csv").body(Files.readAllBytes(file))
                .queryParam("fileName", file.getFileName().toString()).queryParam("force", force)
                .when().post(suite.ingestionUrl() + "/api/sources/{name}/files", source)
                .then().statusCode(202).header("Location", notNullValue())
                .extract().response();
        String id = response.jsonPath().getString("id");
        assertNotNull(id, () -> "the batch id of " + file + ": " + response.asString());
        return id;
    }

    JsonPath awaitCompleted(String id) {
        JsonPath batch = await("batch " + id + " finishes")
                .atMost(LIMIT).pollInterval(POLL)
                .until(() -> given().when().get(suite.ingestionUrl() + "/api/batches/{id}", id)
                        .then().statusCode(200).extract().jsonPath(DECIMALS),
                        b -> FINISHED.contains(b.getString("status")));
        assertEquals("COMPLETED", batch.getString("status"), () -> "batch " + id + ": " + batch.prettify());
        return batch;
    }

    /** A run's OpenLineage events, newest first, as the requirements service answers them once the run has ended. */
    JsonPath awaitRunEnded(String runId) {
        return await("lineage of run " + runId + " ends")
                .atMost(LIMIT).pollInterval(POLL)
                .until(() -> given().queryParam("run", runId)
                        .when().get(suite.requirementsUrl() + "/api/lineage")
                        .then().statusCode(200).extract().jsonPath(DECIMALS),
                        events -> events.getList("eventType").contains("COMPLETE"));
    }

    static long count(JsonPath json, String field) {
        Object value = json.get(field);
        assertNotNull(value, () -> "no " + field + " in " + json.prettify());
        return new BigDecimal(value.toString()).longValueExact();
    }

    /** Sales by region as serving answers them now. */
    SortedMap<String, BigDecimal> salesByRegion(String from, String to) {
        JsonPath answer = given()
                .queryParam("groupBy", "region").queryParam("from", from).queryParam("to", to)
                .when().get(suite.servingUrl() + "/api/metrics/sales")
                .then().statusCode(200).extract().jsonPath(DECIMALS);
        SortedMap<String, BigDecimal> actual = new TreeMap<>();
        List<Map<String, Object>> rows = answer.getList("rows");
        for (Map<String, Object> row : rows) {
            Map<?, ?> dimensions = (Map<?, ?>) row.get("dimensions");
            Map<?, ?> measures = (Map<?, ?>) row.get("measures");
            actual.merge((String) dimensions.get("region"), new BigDecimal(measures.get("sales").toString()),
                    BigDecimal::add);
        }
        assertNotNull(answer.get("currentAsOf"), "currentAsOf of a non-empty answer");
        return normalised(actual);
    }

    /** Waits until serving answers exactly these totals (compared as decimals, whatever their scale). */
    void awaitSalesByRegion(String from, String to, SortedMap<String, BigDecimal> expected) {
        SortedMap<String, BigDecimal> wanted = normalised(expected);
        await("sales by region from " + from + " to " + to + " equal " + wanted)
                .atMost(LIMIT).pollInterval(POLL)
                .untilAsserted(() -> assertEquals(wanted, salesByRegion(from, to), "sales by region"));
    }

    static SortedMap<String, BigDecimal> normalised(Map<String, BigDecimal> totals) {
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

    /** Copies the services' logs to target/system-test-logs/<name> before the data directory goes. */
    private void keepServiceLogs() {
        Path target = Path.of("target", "system-test-logs", name);
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
