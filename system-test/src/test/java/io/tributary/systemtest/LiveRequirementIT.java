package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.DemoRequirements;
import io.tributary.local.Session;

/**
 * A stakeholder's freshness requirement verified live by the packaged suite: a confirmed "no older than 20 seconds" on
 * the sales pipeline, fed an event a second, is MET; when the events stop it is VIOLATED within 20 seconds plus two
 * evaluation intervals, and the alert reaches the alerts topic and the stakeholder's webhook; when they resume it is
 * MET again and the alert resolves; the history shows the bad interval.
 */
class LiveRequirementIT {

    /** The requirements service's default evaluation interval. */
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration FRESHNESS = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(500);

    private static RunningSuite suite;
    private static HttpServer webhook;
    private static final List<String> webhookBodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSuite() throws IOException {
        suite = RunningSuite.start("live-requirement");
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                webhookBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        webhook.start();
    }

    @AfterAll
    static void stopSuite() {
        if (webhook != null) {
            webhook.stop(0);
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aFreshnessRequirementIsMetViolatedWithAnAlertWhenEventsStopAndMetAgainWhenTheyResume(@TempDir Path dir)
            throws Exception {
        String requirements = suite.suite.requirementsUrl();
        given().contentType("application/json")
                .body(Map.of("name", "feed", "dataset", "sales", "format", "NDJSON", "timeZone", "UTC"))
                .when().post(suite.suite.ingestionUrl() + "/api/sources").then().statusCode(201);
        Feed feed = new Feed(eventLines(dir), suite.suite.ingestionUrl() + "/api/sources/feed/events");
        Thread feeder = new Thread(feed, "event-feed");
        feeder.setDaemon(true);
        feeder.start();
        Instant start = Instant.now();
        try {
            long goal = given().contentType("application/json").body(Map.of("title", "Grow revenue from targeted "
                    + "campaigns")).when().post(requirements + "/api/goals").then().statusCode(201).extract()
                    .jsonPath().getLong("id");
            long dana = given().contentType("application/json")
                    .body("{\"name\":\"Dana Reyes\",\"job\":\"marketing\",\"team\":\"Marketing\",\"direction\":"
                            + "\"DOWNSTREAM\",\"contact\":{\"webhook\":\"http://127.0.0.1:"
                            + webhook.getAddress().getPort() + "/hook\"}}")
                    .when().post(requirements + "/api/stakeholders").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            long id = given().contentType("application/json").header("Tributary-Actor", "erin")
                    .body("{\"level\":\"STAKEHOLDER\",\"kind\":\"NON_FUNCTIONAL\",\"goalId\":" + goal
                            + ",\"stakeholderIds\":[" + dana + "],\"statement\":\"sales by region\",\"actions\":"
                            + "[\"retarget ad campaigns\"],\"target\":{\"type\":\"PIPELINE\",\"name\":\"sales\"},"
                            + "\"objective\":{\"kind\":\"freshness\",\"maximum\":" + FRESHNESS.toSeconds()
                            + ",\"unit\":\"s\"},\"slo\":{\"target\":0.99,\"window\":{\"type\":\"ROLLING\","
                            + "\"length\":\"P1D\"},\"slice\":\"PT10S\"}}")
                    .when().post(requirements + "/api/requirements").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            given().contentType("application/json").header("Tributary-Actor", "erin").body("{}")
                    .when().post(requirements + "/api/requirements/{id}/proposals", id).then().statusCode(200);
            given().contentType("application/json").header("Tributary-Actor", "dana")
                    .body("{\"decision\":\"CONFIRM\"}")
                    .when().post(requirements + "/api/requirements/{id}/confirmations", id).then().statusCode(200);

            awaitState(id, "MET", RunningSuite.LIMIT);

            feed.pause();
            Instant stopped = Instant.ofEpochMilli(feed.lastSentAt());
            awaitState(id, "VIOLATED", RunningSuite.LIMIT);
            Duration detection = Duration.between(stopped, Instant.now());
            Duration allowed = FRESHNESS.plus(INTERVAL.multipliedBy(2));
            System.out.println("[live] violation seen " + detection.toMillis() + " ms after the last event");
            assertTrue(detection.compareTo(allowed.plus(POLL)) <= 0, "VIOLATED " + detection
                    + " after the events stopped; at most " + allowed + " allowed");

            try (KafkaConsumer<String, String> alerts = alertConsumer()) {
                awaitAlertEvent(alerts, id, "requirement-opened");
                await("the webhook gets the alert").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                        .until(() -> webhookBodies.stream().anyMatch(b -> b.contains("requirement-opened")));
                JsonPath open = given().queryParam("requirement", id).queryParam("state", "OPEN")
                        .when().get(requirements + "/api/alerts").then().statusCode(200).extract().jsonPath();
                assertEquals("OBJECTIVE_VIOLATED", open.getString("[0].kind"));

                feed.resume();
                awaitState(id, "MET", RunningSuite.LIMIT);
                awaitAlertEvent(alerts, id, "requirement-resolved");
            }
            await("the alert resolves").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                    .until(() -> given().queryParam("requirement", id).when().get(requirements + "/api/alerts")
                            .then().extract().jsonPath().getString("[0].state"), is("RESOLVED"));
            await("the webhook gets the resolution").atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                    .until(() -> webhookBodies.stream().anyMatch(b -> b.contains("requirement-resolved")));

            List<String> states = given().queryParam("from", start.toString())
                    .queryParam("to", Instant.now().plusSeconds(1).toString()).queryParam("step", "PT10S")
                    .when().get(requirements + "/api/slos/{id}/history", id)
                    .then().statusCode(200).extract().jsonPath().getList("points.state", String.class);
            int firstBad = states.indexOf("VIOLATED");
            assertTrue(firstBad > 0 && states.subList(0, firstBad).contains("MET")
                    && states.subList(firstBad, states.size()).contains("MET"),
                    "history " + states
                            + " shows a bad interval between good ones");
        } finally {
            feed.stop();
            feeder.join(5_000);
        }
    }

    @Test
    void theRetailCaseIsConfirmedAndWrittenIntoTheSalesContract() {
        String requirements = suite.suite.requirementsUrl();
        suite.registerSource("webshop", "America/New_York");
        DemoRequirements.load(requirements, Session.admin(suite.suite), line -> System.out.println("[demo] " + line));
        DemoRequirements.load(requirements, Session.admin(suite.suite), line -> System.out.println("[demo] " + line));
        JsonPath goals = given().when().get(requirements + "/api/goals").then().statusCode(200).extract().jsonPath();
        long goal = goals.getLong("find { it.title == 'Grow revenue from targeted campaigns' }.id");
        List<String> states = given().queryParam("goal", goal).when().get(requirements + "/api/requirements")
                .then().statusCode(200).extract().jsonPath().getList("state", String.class);
        assertEquals(List.of("CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED"), states, "loaded once, confirmed");
        List<String> clauses = given().accept("application/json").when().get(requirements + "/api/contracts/sales")
                .then().statusCode(200).extract().jsonPath().getList("slaProperties.property", String.class);
        assertTrue(clauses.containsAll(List.of("latency", "timeOfAvailability", "errorRate")), clauses::toString);
        String document = given().when().get(requirements + "/api/goals/{id}/document", goal)
                .then().statusCode(200).extract().asString();
        assertTrue(document.contains("> Marketing needs product sales by region, per day in America/New\\_York, "
                + "no older than 60 seconds"), document);
    }

    private static void awaitState(long id, String state, Duration limit) {
        await("objective " + id + " is " + state).atMost(limit).pollInterval(POLL)
                .until(() -> given().when().get(suite.suite.requirementsUrl() + "/api/slos/{id}", id)
                        .then().statusCode(anyOf(is(200))).extract().jsonPath().getString("state"), is(state));
    }

    private static KafkaConsumer<String, String> alertConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.suite.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "live-requirement-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of("tributary-alerts"));
        return consumer;
    }

    private static void awaitAlertEvent(KafkaConsumer<String, String> consumer, long id, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                if (record.value().contains("\"io.tributary.alert." + type + ".v1\"")
                        && record.value().contains("\"subject\":\"/api/requirements/" + id + "\"")) {
                    return;
                }
            }
        }
        throw new AssertionError("no " + type + " event for requirement " + id + " on tributary-alerts");
    }

    /** Order lines of today, one NDJSON line each, with row ids no other test uses. */
    private static List<String> eventLines(Path dir) throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratorOptions.defaults().withSeed(5).withRows(600)
                .withDays(1).withStartDate(LocalDate.now(ZoneOffset.UTC)).withAnomalyRate(0).withDuplicateRate(0)
                .withoutSchemaChange()).writeNdjson(dir);
        List<String> lines = new ArrayList<>();
        long rowId = 900_000_000L;
        for (var file : dumps.files()) {
            for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(line.replaceFirst("\"Row ID\":\\d+", "\"Row ID\":" + rowId++));
                }
            }
        }
        return lines;
    }

    /** Sends one event a second until paused or stopped. */
    private static final class Feed implements Runnable {

        private final List<String> lines;
        private final String url;
        private final AtomicBoolean paused = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicLong lastSentAt = new AtomicLong();

        Feed(List<String> lines, String url) {
            this.lines = lines;
            this.url = url;
        }

        @Override
        public void run() {
            int next = 0;
            while (!stopped.get()) {
                if (!paused.get()) {
                    int status = given().contentType("application/x-ndjson")
                            .body(lines.get(next++ % lines.size()).getBytes(StandardCharsets.UTF_8))
                            .when().post(url).then().extract().statusCode();
                    if (status / 100 == 2) {
                        lastSentAt.set(System.currentTimeMillis());
                    }
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Stops sending, and waits for a send under way to end. */
        void pause() throws InterruptedException {
            paused.set(true);
            Thread.sleep(1_500);
        }

        void resume() {
            paused.set(false);
        }

        void stop() {
            stopped.set(true);
        }

        long lastSentAt() {
            return lastSentAt.get();
        }
    }
}
