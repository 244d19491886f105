package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.intake.EventIntakeService;
import io.tributary.ingestion.parsing.Gzipped;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * Requests made to exhaust the service are answered with a 4xx that names the limit, or a quarantine entry, in
 * bounded time, and the service stays healthy after each (the limits of the test profile: files 12 MiB, events 2 MiB,
 * two pushes at once per source), and a database with no connection to give answers 503 with Retry-After.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class RequestLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String EVENT = """
            {"Row ID": %d, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "West", "Sales": %s}""";

    @Inject
    CatalogFixtures fixtures;

    @Inject
    EventIntakeService events;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
        fixtures.contract("sales", "/contracts/sales.yaml");
        fixtures.contract("notes", "/contracts/notes-with-note.yaml");
    }

    @AfterEach
    void serviceIsHealthy() {
        given().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void refusesEventsLargerThanTheirLimitNamingIt() {
        String source = registerSource("sales", Map.of("format", "NDJSON"));
        byte[] body = (EVENT.formatted(1, "1") + "\n").repeat(30_000).getBytes(StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(body)
                .post("/api/sources/" + source + "/events")
                .then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .body("problems", hasItem("tributary.ingestion.limits.event-size: 2097152"));
        given().get("/api/sources/" + source + "/batches").then().body("size()", is(0));
    }

    @Test
    void refusesAFileLargerThanItsLimitNamingIt() throws Exception {
        String source = registerSource("notes");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/sources/" + source + "/files"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + TestTokens.token(Roles.ENGINEER))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("Ship Mode,Sales,Note\n" + "First,1,ok\n".repeat(1_300_000))));
        assertEquals(413, response.statusCode());
        org.hamcrest.MatcherAssert.assertThat(response.body(),
                containsString("tributary.ingestion.limits.file-size: 12582912"));
    }

    @Test
    void quarantinesTheRestOfAGzipBombAfterItsFirstRows() {
        String source = registerSource("notes");
        byte[] bomb = Gzipped.repeated("Ship Mode,Sales,Note\nFirst,1,ok\n", "x", 256L << 20);
        String batch = assertTimeoutPreemptively(BOUND, () -> {
            String id = given().contentType("application/gzip").body(bomb)
                    .post("/api/sources/" + source + "/files")
                    .then().statusCode(202).extract().path("id");
            awaitCompleted(id).body("accepted", is(1)).body("quarantined", is(1));
            return id;
        });
        given().queryParam("batch", batch).queryParam("limit", 5).get("/api/quarantine").then()
                .body("size()", is(1))
                .body("[0].rule", is("format.limit"))
                .body("[0].reason", containsString("(the limit tributary.ingestion.limits.gzip-ratio is 200)"));
    }

    @Test
    void refusesAGzipBombPushedAsEvents() {
        String source = registerSource("sales", Map.of("format", "NDJSON"));
        byte[] bomb = Gzipped.repeated(EVENT.formatted(1, "1") + "\n", " ", 256L << 20);
        assertTimeoutPreemptively(BOUND, () -> given().contentType("application/x-ndjson").body(bomb)
                .post("/api/sources/" + source + "/events")
                .then().statusCode(400)
                .body("problems[0]", containsString("tributary.ingestion.limits.gzip-ratio")));
    }

    @Test
    void quarantinesTheRowOfATenMegabyteCsvFieldAndTakesTheOthers() {
        String source = registerSource("notes");
        String csv = "Ship Mode,Sales,Note\nFirst,1,ok\nSecond,2," + "x".repeat(10 << 20) + "\nThird,3,ok\n";
        String batch = assertTimeoutPreemptively(BOUND, () -> {
            String id = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                    .post("/api/sources/" + source + "/files")
                    .then().statusCode(202).extract().path("id");
            awaitCompleted(id).body("accepted", is(2)).body("quarantined", is(1));
            return id;
        });
        given().queryParam("batch", batch).get("/api/quarantine").then()
                .body("[0].line", is(3))
                .body("[0].rule", is("format.limit"))
                .body("[0].reason", containsString("field 3 (Note) holds 10485760 characters, more than 2097152 "
                        + "(the limit tributary.ingestion.limits.field-size is 2097152)"));
    }

    @Test
    void quarantinesANumberWhoseExponentWouldMakeAHugeDecimal() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        String batch = assertTimeoutPreemptively(BOUND, () -> given().contentType("application/json")
                .body("[" + EVENT.formatted(1, "1e1000000000") + "," + EVENT.formatted(2, "-1E-1000000000") + ","
                        + EVENT.formatted(3, "2.5") + "]")
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("accepted", is(1))
                .body("quarantined", is(2))
                .extract().<String>path("id"));
        given().queryParam("batch", batch).get("/api/quarantine").then()
                .body("rule", hasItem("store.numeric"));
    }

    @Test
    void refusesDeepJsonNamingTheDepthLimit() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        assertTimeoutPreemptively(BOUND, () -> given().contentType("application/json")
                .body("[".repeat(1_000_000))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(400)
                .body("problems[0]", containsString("(the limit tributary.ingestion.limits.json-depth is 256)")));
    }

    @Test
    void answers429WithRetryAfterToOnePushTooMany() throws Exception {
        String source = registerSource("sales", Map.of("format", "NDJSON"));
        byte[] event = (EVENT.formatted(1, "1") + "\n").getBytes(StandardCharsets.UTF_8);
        // a first push makes the dataset's topic, so that the pushes below wait for nothing but their bodies
        assertEquals(BatchStatus.COMPLETED, events.receive(source, new ByteArrayInputStream(event)).status);
        List<PipedOutputStream> bodies = new ArrayList<>();
        List<PipedInputStream> reading = new ArrayList<>();
        List<CompletableFuture<BatchEntity>> held = new ArrayList<>();
        // threads of their own: a shared pool may be busy and start the held pushes too late
        ExecutorService pushers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                // a push whose body is still coming, as from a slow producer
                PipedOutputStream body = new PipedOutputStream();
                PipedInputStream in = new PipedInputStream(body, 64 * 1024);
                body.write(event);
                bodies.add(body);
                reading.add(in);
                held.add(CompletableFuture.supplyAsync(() -> events.receive(source, in), pushers));
            }
            // a push reads its body only once it holds its slot: both hold one when both read what was sent so far
            assertTimeoutPreemptively(BOUND, () -> {
                for (PipedInputStream in : reading) {
                    while (in.available() > 0) {
                        Thread.sleep(10);
                    }
                }
            });
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> events.receive(source, new ByteArrayInputStream(event)));
            assertEquals(429, refused.status().getStatusCode());
            assertEquals(1, refused.headers().get("Retry-After"));
            assertEquals(List.of("tributary.ingestion.limits.concurrent-pushes: 2"), refused.problems());
        } finally {
            for (PipedOutputStream body : bodies) {
                close(body);
            }
        }
        for (CompletableFuture<BatchEntity> push : held) {
            assertEquals(BatchStatus.COMPLETED, push.get().status);
        }
        pushers.shutdown();
        assertEquals(200, send(push(source).POST(HttpRequest.BodyPublishers.ofByteArray(event))).statusCode());
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseHasNoConnectionToGive() throws Exception {
        String source = registerSource("sales", Map.of("format", "NDJSON"));
        byte[] event = (EVENT.formatted(1, "1") + "\n").getBytes(StandardCharsets.UTF_8);
        List<Connection> taken = new ArrayList<>();
        try {
            // every connection of the pool held, as by a burst of requests: the next one waits, then is refused
            int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
            for (int i = 0; i < size; i++) {
                taken.add(dataSource.getConnection());
            }
            HttpResponse<String> pushed = send(push(source).POST(HttpRequest.BodyPublishers.ofByteArray(event)));
            assertEquals(503, pushed.statusCode(), pushed.body());
            assertEquals("2", pushed.headers().firstValue("Retry-After").orElse(null));
            org.hamcrest.MatcherAssert.assertThat(pushed.body(), containsString("could not be reached in time"));
            given().get("/api/sources/" + source + "/batches").then().statusCode(503)
                    .header("Retry-After", "2")
                    .contentType(Problem.MEDIA_TYPE);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        // sent again once connections are free, the push is taken
        assertEquals(200, send(push(source).POST(HttpRequest.BodyPublishers.ofByteArray(event))).statusCode());
    }

    private static HttpRequest.Builder push(String source) {
        return HttpRequest.newBuilder(uri("/api/sources/" + source + "/events"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + TestTokens.token(Roles.ENGINEER));
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void close(PipedOutputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the reader is gone already
        }
    }
}
