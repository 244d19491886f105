package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.live.AggregateChanges;
import io.tributary.serving.mapping.MetricsMapper;
import io.tributary.serving.service.MetricsAnswers;
import io.tributary.serving.service.MetricsParameters;
import io.tributary.serving.service.MetricsService;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * The metrics API with its answer cache on (decision 0052): the plain path's answers, kept until a commit to the
 * aggregate is heard, never across a lost connection, and never given to a caller who sees less.
 */
@QuarkusTest
@TestProfile(CachedAnswersProfile.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class CachedMetricsResourceTest {

    private static final String PATH = "/api/metrics/{pipeline}";

    @Inject
    DataSource dataSource;

    @Inject
    AggregateChanges changes;

    @Inject
    MetricsAnswers answers;

    @Inject
    MetricsService plain;

    @Inject
    MeterRegistry meters;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/api/metrics/sales/stream")
    URI stream;

    private AggregateTables tables;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private Runnable unsubscribe;

    @BeforeEach
    void salesAggregate() throws Exception {
        TestTokens.signInAs(Roles.ANALYST);
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);
        unsubscribe = changes.subscribe(heard::add);
        tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.freshness_watermark", "delete from catalog.pipeline_version");
        tables.create("sales", AggregateLayout.Bucket.DATE, List.of("region", "state", "category"),
                List.of("sales", "quantity", "profit"));
        cell("2017-01-01", "West", "California", "Furniture", "100.0000");
        cell("2017-01-02", "West", "Washington", "Technology", "20.5000");
        cell("2017-01-01", "East", "New York", "Furniture", "7.2500");
        cell("2017-02-01", "Central", "Texas", "Office Supplies", "3.0000");
        tables.freshness("sales_agg", Instant.parse("2017-02-01T10:00:00Z"));
        // notifications arrive in commit order: once this one is heard, so are the catalog's changes above
        awaitHeard("sales_agg");
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
        unsubscribe.run();
    }

    @Test
    void givesThePlainPathsAnswersForManyQueriesAcrossCommits() throws Exception {
        double hitsBefore = count("hit");
        int asked = 0;
        for (int round = 0; round < 3; round++) {
            if (round == 1) {
                commit(connection -> insertCell(connection, "2017-01-31", "South", "Georgia", "Technology", "9.9900"),
                        "2017-02-02T00:00:00Z");
            } else if (round == 2) {
                commit(connection -> execute(connection, "update curated.sales_agg set sales = sales + 1.5 "
                        + "where region = 'West'"), "2017-02-03T00:00:00Z");
            }
            for (String groupBy : Arrays.asList(null, "", "region", "region,state", "category, region",
                    "state,category,region")) {
                for (String grain : Arrays.asList(null, "total", "day", "month")) {
                    for (String[] range : List.of(new String[]{null, null}, new String[]{"2017-01-01", "2017-01-31"},
                            new String[]{"2017-01-02", "2017-03-01"})) {
                        for (String tz : Arrays.asList(null, "Asia/Kolkata")) {
                            for (boolean seesPersonalData : List.of(true, false)) {
                                MetricsParameters parameters = new MetricsParameters(groupBy, range[0], range[1],
                                        grain, tz, null);
                                var expected = MetricsMapper.toResponse(plain.metrics("sales", parameters,
                                        seesPersonalData));
                                for (int time = 0; time < 2; time++) {
                                    assertEquals(expected, MetricsMapper.toResponse(answers.metrics("sales",
                                            parameters, seesPersonalData)), "round " + round + ", " + parameters);
                                    assertArrayEquals(json.writeValueAsBytes(expected), answers.json("sales",
                                            parameters, seesPersonalData), "round " + round + ", " + parameters);
                                    asked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(count("hit") - hitsBefore >= asked / 2.0, "the second of each pair of questions is a hit");
    }

    @Test
    void answersACommittedChangeOnceItsNotificationIsHeard() throws Exception {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(120.5f))
                .body("currentAsOf", equalTo("2017-02-01T10:00:00Z"));
        double hits = count("hit");
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200);
        assertEquals(hits + 1, count("hit"));

        commit(connection -> insertCell(connection, "2017-02-02", "West", "Oregon", "Furniture", "1.0000"),
                "2017-02-02T12:00:00Z");

        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(121.5f))
                .body("currentAsOf", equalTo("2017-02-02T12:00:00Z"));
    }

    @Test
    void givesThePreviousAnswerWithinMaxStalenessWhileTheAnswerAfterACommitIsComputed() throws Exception {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(120.5f));
        double older = count("older");

        commit(connection -> insertCell(connection, "2017-02-02", "West", "Oregon", "Furniture", "1.0000"),
                "2017-02-02T12:00:00Z");

        // the caller allows data a century old: the previous answer, which says how current it is
        given().queryParam("groupBy", "region").queryParam("maxStaleness", "P36500D").when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(120.5f))
                .body("currentAsOf", equalTo("2017-02-01T10:00:00Z"));
        assertEquals(older + 1, count("older"));
        double misses = count("miss");
        // a caller who gives no bound gets the answer after the commit, as the plain path gives it: the one computed in
        // the background, not computed again
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(121.5f))
                .body("currentAsOf", equalTo("2017-02-02T12:00:00Z"));
        given().queryParam("groupBy", "region").queryParam("maxStaleness", "P36500D").when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(121.5f));
        assertEquals(older + 1, count("older"));
        assertEquals(misses, count("miss"));
    }

    @Test
    void neverGivesThePreviousAnswerBeyondMaxStalenessNorToAStream() throws Exception {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200);
        commit(connection -> insertCell(connection, "2017-02-02", "West", "Oregon", "Furniture", "1.0000"),
                "2017-02-02T12:00:00Z");
        double older = count("older");

        // the previous answer (as of 2017-02-01T10:00) is not within a bound that the new one (12:00 next day) meets
        Duration bound = Duration.between(Instant.parse("2017-02-02T11:00:00Z"), Instant.now());
        given().queryParam("groupBy", "region").queryParam("maxStaleness", bound.toString()).when()
                .get(PATH, "sales").then().statusCode(200)
                .body("currentAsOf", equalTo("2017-02-02T12:00:00Z"));
        commit(connection -> insertCell(connection, "2017-02-03", "West", "Oregon", "Furniture", "1.0000"),
                "2017-02-03T12:00:00Z");
        // what streams ask: never the previous answer
        assertEquals(Instant.parse("2017-02-03T12:00:00Z"), answers.metrics("sales",
                new MetricsParameters("region", null, null, null, null, "P36500D"), false).currentAsOf());
        assertEquals(older, count("older"));
    }

    @Test
    void aStreamWithMaxStalenessSendsThePreviousAnswerFirstThenTheAnswerAfterTheCommit() throws Exception {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200);
        commit(connection -> insertCell(connection, "2017-02-02", "West", "Oregon", "Furniture", "1.0000"),
                "2017-02-02T12:00:00Z");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture<?> open = null;
        try {
            try (Connection lock = dataSource.getConnection()) {
                // the answer after the commit cannot be read while the aggregate is locked
                lock.setAutoCommit(false);
                execute(lock, "lock table curated.sales_agg in access exclusive mode");
                HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?groupBy=region&maxStaleness=P36500D"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + TestTokens.token(Roles.ANALYST)).build();
                open = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body().filter(line -> line.startsWith("data:"))
                                .forEach(events::add));
                String previous = events.poll(10, TimeUnit.SECONDS);
                assertTrue(previous != null && previous.contains("120.5000")
                        && previous.contains("2017-02-01T10:00:00Z"), String.valueOf(previous));
                assertNull(events.poll(500, TimeUnit.MILLISECONDS), "nothing else until the answer after the commit");
                lock.rollback();
            }
            String after = events.poll(10, TimeUnit.SECONDS);
            assertTrue(after != null && after.contains("121.5000") && after.contains("2017-02-02T12:00:00Z"),
                    String.valueOf(after));
        } finally {
            if (open != null) {
                open.cancel(true);
            }
        }
    }

    @Test
    void judgesMaxStalenessPerRequestAgainstTheClock() {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200);
        double hits = count("hit");
        given().queryParam("groupBy", "region").queryParam("maxStaleness", "PT30S").when().get(PATH, "sales").then()
                .statusCode(503).header("Retry-After", "30")
                .body("detail", org.hamcrest.Matchers.containsString("2017-02-01T10:00:00Z"));
        assertEquals(hits + 1, count("hit"));
        given().queryParam("groupBy", "region").queryParam("maxStaleness", "P36500D").when().get(PATH, "sales")
                .then().statusCode(200).body("currentAsOf", equalTo("2017-02-01T10:00:00Z"));
        given().queryParam("groupBy", "nope").queryParam("maxStaleness", "soon").when().get(PATH, "sales").then()
                .statusCode(400).body("problems.size()", equalTo(2));
    }

    @Test
    void forgetsEverythingWhenTheListeningConnectionIsLost() throws Exception {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200);
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200);
        assertTrue(entries() > 0);

        tables.execute("select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %'");
        await().atMost(Duration.ofSeconds(10)).until(() -> !changes.listening());
        // committed while nobody listens: its notification is lost
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insertCell(connection, "2017-02-02", "West", "Oregon", "Furniture", "1000.0000");
            advance(connection, "2017-02-02T12:00:00Z");
            connection.commit();
        }
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(1120.5f));
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);
        await().atMost(Duration.ofSeconds(5)).until(() -> entries() == 0);

        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows.find { it.dimensions.region == 'West' }.measures.sales", equalTo(1120.5f))
                .body("currentAsOf", equalTo("2017-02-02T12:00:00Z"));
    }

    @Test
    void neverGivesAMaskedCallerTheAnswerOfOneWhoSeesPersonalData() throws Exception {
        members(true);
        TestTokens.signInAs(Roles.ADMIN);
        for (int time = 0; time < 2; time++) {
            given().queryParam("groupBy", "contact").when().get(PATH, "members").then().statusCode(200)
                    .body("rows.dimensions.contact", contains("ann@example.com", "bo@example.com"));
        }
        TestTokens.signInAs(Roles.ANALYST);
        for (int time = 0; time < 2; time++) {
            given().queryParam("groupBy", "contact").when().get(PATH, "members").then().statusCode(200)
                    .body("rows.dimensions.contact", contains("***", "***"));
        }
        TestTokens.signInAs(Roles.ENGINEER);
        given().queryParam("groupBy", "contact").when().get(PATH, "members").then().statusCode(200)
                .body("rows.dimensions.contact", contains("ann@example.com", "bo@example.com"));
    }

    @Test
    void masksAgainOnceANewContractClassifiesAColumnAsPersonal() throws Exception {
        members(false);
        TestTokens.signInAs(Roles.ANALYST);
        for (int time = 0; time < 2; time++) {
            given().queryParam("groupBy", "contact").when().get(PATH, "members").then().statusCode(200)
                    .body("rows.dimensions.contact", contains("ann@example.com", "bo@example.com"));
        }
        try (Connection connection = dataSource.getConnection()) {
            contract(connection, 2, "personal");
        }
        awaitHeard(AggregateChanges.ANY_TABLE);
        given().queryParam("groupBy", "contact").when().get(PATH, "members").then().statusCode(200)
                .body("rows.dimensions.contact", contains("***", "***"))
                .body("currentAsOf", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void streamsOfTheSameQuestionCostOneQueryPerCommit() throws Exception {
        List<BlockingQueue<String>> streams = new ArrayList<>();
        List<CompletableFuture<?>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                BlockingQueue<String> events = new LinkedBlockingQueue<>();
                streams.add(events);
                HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?groupBy=region"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + TestTokens.token(Roles.ANALYST)).build();
                open.add(HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body().filter(line -> line.startsWith("data:"))
                                .forEach(events::add)));
            }
            for (BlockingQueue<String> events : streams) {
                String first = events.poll(10, TimeUnit.SECONDS);
                assertTrue(first != null && first.contains("120.5000"), String.valueOf(first));
            }
            double computed = count("miss");

            commit(connection -> insertCell(connection, "2017-02-02", "West", "Oregon", "Furniture", "1.0000"),
                    "2017-02-02T12:00:00Z");

            for (BlockingQueue<String> events : streams) {
                String changed = events.poll(10, TimeUnit.SECONDS);
                assertTrue(changed != null && changed.contains("121.5000"), String.valueOf(changed));
            }
            assertEquals(computed + 1, count("miss"), "one query answers every stream of the question");
        } finally {
            open.forEach(future -> future.cancel(true));
        }
    }

    @Test
    void takesTheSameQuestionSpelledOtherwiseForTheSameAnswer() {
        given().queryParam("groupBy", "region").when().get(PATH, "sales").then().statusCode(200)
                .body("rows", notNullValue());
        double hits = count("hit");
        answers.metrics("sales", new MetricsParameters(" region ", null, null, "total", "UTC", null), false);
        assertEquals(hits + 1, count("hit"), "the same question spelled otherwise is the same answer");
    }

    /** A pipeline whose {@code contact} dimension is computed from its contract's {@code email}. */
    private void members(boolean emailPersonal) throws Exception {
        AggregateLayout layout = new AggregateLayout(AggregateLayout.Bucket.DATE, List.of("contact", "region"),
                List.of("amount"));
        tables.execute("drop table if exists curated.members_agg",
                "create table curated.members_agg (" + layout.tableDefinition() + ")",
                "insert into curated.members_agg values ('2024-03-01', 'ann@example.com', 'West', 10, 1, now(), null), "
                        + "('2024-03-02', 'bo@example.com', 'East', 5, 1, now(), null)",
                "insert into catalog.dataset (name) values ('members') on conflict do nothing",
                "delete from catalog.contract_version where dataset = 'members'");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement version = connection.prepareStatement("insert into catalog.pipeline_version (name, "
                        + "version, dataset, kind, document, media_type, aggregate_layout, column_lineage) values "
                        + "('members', 1, 'members', 'FACT', 'name: members', 'application/yaml', ?::jsonb, "
                        + "?::jsonb)")) {
            version.setString(1, layout.toJson());
            version.setString(2, "{\"contact\": [\"email\"], \"region\": [\"region\"], \"amount\": [\"amount\"], "
                    + "\"order_date\": [\"order_date\"]}");
            version.executeUpdate();
            contract(connection, 1, emailPersonal ? "personal" : "internal");
        }
        awaitHeard(AggregateChanges.ANY_TABLE);
    }

    private static void contract(Connection connection, int number, String emailClassification) throws SQLException {
        String contract = """
                apiVersion: v3.0.2
                kind: DataContract
                id: urn:test:members
                version: 1.0.%d
                status: active
                schema:
                  - name: members
                    properties:
                      - {name: email, logicalType: string, classification: %s}
                      - {name: region, logicalType: string}
                      - {name: amount, logicalType: number}
                      - {name: order_date, logicalType: date}
                """.formatted(number, emailClassification);
        try (PreparedStatement insert = connection.prepareStatement("insert into catalog.contract_version (dataset, "
                + "version, contract_id, contract_label, status, document, media_type) values ('members', ?, "
                + "'urn:test:members', ?, 'active', ?::jsonb, 'application/yaml')")) {
            insert.setInt(1, number);
            insert.setString(2, "1.0." + number);
            insert.setString(3, ContractReader.parse(contract, ContractReader.Syntax.YAML).toString());
            insert.executeUpdate();
        }
    }

    private interface Change {
        void apply(Connection connection) throws SQLException;
    }

    /** A change committed as the transform commits one: with the watermark, then heard. */
    private void commit(Change change, String currentAsOf) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            change.apply(connection);
            advance(connection, currentAsOf);
            connection.commit();
        }
        awaitHeard("sales_agg");
    }

    private void awaitHeard(String table) throws InterruptedException {
        List<String> others = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String next = heard.poll(100, TimeUnit.MILLISECONDS);
            if (table.equals(next)) {
                return;
            }
            if (next != null) {
                others.add(next);
            }
        }
        throw new AssertionError("no change of " + table + " heard within 10 s; heard " + others);
    }

    private void cell(String day, String region, String state, String category, String sales) throws SQLException {
        tables.cell("sales", LocalDate.parse(day), List.of(region, state, category), List.of(sales, "1", "0"), 1,
                null);
    }

    private static void insertCell(Connection connection, String day, String region, String state, String category,
            String sales) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into curated.sales_agg values "
                + "(?, ?, ?, ?, ?, 1, 0, 1, now(), null)")) {
            statement.setObject(1, LocalDate.parse(day));
            statement.setString(2, region);
            statement.setString(3, state);
            statement.setString(4, category);
            statement.setBigDecimal(5, new BigDecimal(sales));
            statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void advance(Connection connection, String currentAsOf) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update catalog.freshness_watermark "
                + "set current_as_of = ?, updated_at = now() where table_name = 'sales_agg'")) {
            statement.setTimestamp(1, Timestamp.from(Instant.parse(currentAsOf)));
            assertEquals(1, statement.executeUpdate());
        }
    }

    private double count(String outcome) {
        return meters.get("tributary.serving.answer.cache").tag("outcome", outcome).counter().count();
    }

    private double entries() {
        return meters.get("tributary.serving.answer.cache.entries").gauge().value();
    }
}
