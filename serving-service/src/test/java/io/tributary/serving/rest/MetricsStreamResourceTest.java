package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.live.AggregateChanges;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** The live metrics: an answer at once, then one each time a committed change to the aggregate changes it. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class MetricsStreamResourceTest {

    /** Decimals as sent, scale included: the stream's numbers are the API's digit for digit. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Inject
    DataSource dataSource;

    @Inject
    AggregateChanges changes;

    @TestHTTPResource("/api/metrics/sales/stream")
    URI stream;

    private AggregateTables tables;
    private CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> open;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void createSalesAggregate() throws SQLException {
        TestTokens.signInAs(Roles.ANALYST);
        tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.freshness_watermark", "delete from catalog.pipeline_version");
        tables.create("sales", AggregateLayout.Bucket.DATE, List.of("region", "state", "category"),
                List.of("sales", "quantity", "profit"));
        tables.cell("sales", LocalDate.parse("2017-03-01"), List.of("West", "California", "Furniture"),
                List.of("100.0000", "2", "10.0000"), 1, null);
        tables.freshness("sales_agg", Instant.parse("2017-03-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);
    }

    @AfterEach
    void closeStream() {
        TestTokens.signOut();
        if (open != null) {
            open.cancel(true);
        }
    }

    @Test
    void sendsTheAnswerAtOnceThenAgainWhenAChangeToTheAggregateIsCommitted() throws Exception {
        subscribe("?groupBy=region");
        JsonNode first = next();
        assertEquals(Map.of("West", new BigDecimal("100.0000")), salesByRegion(first));
        assertEquals("2017-03-01T10:00:00Z", first.get("currentAsOf").asText());

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writeCell(connection, "East", "New York", "250.5000");
            advance(connection, Instant.parse("2017-03-02T09:00:00Z"));
            assertNull(events.poll(1, TimeUnit.SECONDS), "nothing is sent before the transform's commit");
            connection.commit();
        }

        JsonNode changed = next();
        assertEquals(Map.of("East", new BigDecimal("250.5000"), "West", new BigDecimal("100.0000")),
                salesByRegion(changed));
        assertEquals("2017-03-02T09:00:00Z", changed.get("currentAsOf").asText());
    }

    @Test
    void sendsNothingForAChangeRolledBackOrToAnotherAggregate() throws Exception {
        subscribe("?groupBy=region");
        next();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writeCell(connection, "East", "New York", "1.0000");
            advance(connection, Instant.parse("2017-03-05T00:00:00Z"));
            connection.rollback();
        }
        tables.freshness("other_agg", Instant.parse("2017-03-05T00:00:00Z"));
        assertNull(events.poll(1500, TimeUnit.MILLISECONDS));
    }

    @Test
    void takesThePersonsTokenFromTheCookieThePageSetsAndRefusesAStreamWithoutOne() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> none = client.send(HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(401, none.statusCode());

        subscribe("?groupBy=region", "Cookie", "tributary-token=" + TestTokens.token(Roles.ANALYST));
        assertEquals(Map.of("West", new BigDecimal("100.0000")), salesByRegion(next()));
    }

    @Test
    void streamsDataOlderThanItsMaxStalenessSayingHowCurrentItIs() throws Exception {
        subscribe("?groupBy=region&maxStaleness=PT60S");
        JsonNode first = next();
        assertEquals(Map.of("West", new BigDecimal("100.0000")), salesByRegion(first));
        assertEquals("2017-03-01T10:00:00Z", first.get("currentAsOf").asText(), "the client judges its age");
    }

    @Test
    void refusesABadQueryBeforeStreaming() {
        given().accept("text/event-stream").queryParam("grain", "week").when().get("/api/metrics/sales/stream")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("problems", hasItem(containsString("grain")));
        given().accept("text/event-stream").queryParam("grain", "week").queryParam("maxStaleness", "soon").when()
                .get("/api/metrics/sales/stream").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("problems", hasItem(containsString("maxStaleness")))
                .body("problems", hasItem(containsString("grain")));
        given().accept("text/event-stream").queryParam("maxStaleness", "-PT1S").when().get("/api/metrics/sales/stream")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("problems", hasItem(containsString("maxStaleness")));
        given().accept("text/event-stream").when().get("/api/metrics/nosuch/stream")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    private void subscribe(String query) {
        subscribe(query, "Authorization", "Bearer " + TestTokens.token(Roles.ANALYST));
    }

    private void subscribe(String query, String header, String credentials) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + query))
                .header("Accept", "text/event-stream").header(header, credentials).build();
        open = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        open.thenAccept(response -> {
            assertEquals(200, response.statusCode());
            response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                try {
                    events.add(JSON.readTree(line.substring("data:".length())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });
    }

    private JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "an event within 10 s");
        return event;
    }

    private static Map<String, BigDecimal> salesByRegion(JsonNode answer) {
        Map<String, BigDecimal> sales = new LinkedHashMap<>();
        answer.get("rows").forEach(row -> sales.put(row.get("dimensions").get("region").asText(),
                row.get("measures").get("sales").decimalValue()));
        return sales;
    }

    private static void writeCell(Connection connection, String region, String state, String sales)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into curated.sales_agg values "
                + "(date '2017-03-02', ?, ?, 'Office Supplies', ?, 1, 0, 1, now(), null)")) {
            statement.setString(1, region);
            statement.setString(2, state);
            statement.setBigDecimal(3, new BigDecimal(sales));
            statement.executeUpdate();
        }
    }

    private static void advance(Connection connection, Instant currentAsOf) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update catalog.freshness_watermark "
                + "set current_as_of = ?, updated_at = now() where table_name = 'sales_agg'")) {
            statement.setTimestamp(1, Timestamp.from(currentAsOf));
            assertEquals(1, statement.executeUpdate());
        }
    }

}
