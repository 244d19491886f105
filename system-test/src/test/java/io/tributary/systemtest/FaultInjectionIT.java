package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static io.tributary.systemtest.RunningSuite.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.TributaryService;

/**
 * Faults while records flow: the generator's orders go in as uploaded files (even days) and as pushes of events (odd
 * days), while every service is killed (SIGKILL) at random moments and started again by the suite's supervisor, the
 * Kafka broker is stopped and started again once, and PostgreSQL is killed once and started again by the supervisor.
 * A sender whose call failed sends it again, as a producer would. At the end the curated rows and the aggregate equal
 * the totals the generator computed from the input (nothing lost, nothing counted twice), and every batch's counts
 * add up.
 *
 * <p>
 * Short in the build; {@code benchmarks/run-faults.sh} runs it long: {@code -Dtributary.faults.rows},
 * {@code -Dtributary.faults.kills}, {@code -Dtributary.faults.seed}.
 */
class FaultInjectionIT {

    private static final long ROWS = Long.getLong("tributary.faults.rows", 12_000);
    private static final int KILLS = Integer.getInteger("tributary.faults.kills", 4);
    private static final long SEED = Long.getLong("tributary.faults.seed", 31);
    /** Lines of one push of events. */
    private static final int PUSH_LINES = 1_000;
    /** How long a sender keeps trying one call, through the faults. */
    private static final Duration SEND_LIMIT = Duration.ofMinutes(5);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() throws IOException {
        suite = RunningSuite.start("faults");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void nothingIsLostOrCountedTwiceThroughKillsAndRestarts(@TempDir Path dumps) throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults().withSeed(SEED).withRows(ROWS).withDays(8)
                .withStartDate(LocalDate.of(2022, 5, 1)).withAnomalyRate(0.01).withDuplicateRate(0)
                .withoutSchemaChange();
        GeneratedDumps csv = new SalesDumpGenerator(options).writeCsv(dumps.resolve("csv"));
        GeneratedDumps ndjson = new SalesDumpGenerator(options).writeNdjson(dumps.resolve("ndjson"));
        assertEquals(csv.salesByRegion(), ndjson.salesByRegion(), "the two formats carry the same orders");
        suite.registerSource("uploaded", Map.of("format", "CSV"));
        suite.registerSource("pushed", Map.of("format", "NDJSON"));
        Faults faults = new Faults(new Random(SEED), csv.expectedAccepted());

        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(csv, ndjson));
        faults.inject(feeding);
        feeding.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);

        List<JsonPath> batches = await("every batch is finished").atMost(LIMIT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> Stream.of("uploaded", "pushed").flatMap(source -> suite.batches(source).stream())
                        .toList(),
                        all -> all.stream().noneMatch(
                                b -> Set.of("RECEIVED", "PROCESSING").contains(b.getString("status"))));
        int completed = 0;
        int failed = 0;
        for (JsonPath batch : batches) {
            if ("COMPLETED".equals(batch.getString("status"))) {
                completed++;
                assertEquals(count(batch, "received"), count(batch, "accepted") + count(batch, "quarantined")
                        + count(batch, "duplicates"), () -> "counts add up: " + batch.prettify());
            } else {
                failed++;
            }
        }
        await("every accepted order line is curated").atMost(LIMIT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(suite::curatedRows, rows -> rows >= csv.expectedAccepted());
        JsonPath pipeline = await("the pipeline has no lag").atMost(LIMIT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> given().when().get(suite.suite.transformUrl() + "/api/pipelines/sales").then()
                        .statusCode(200).extract().jsonPath(), p -> count(p, "lagRecords") == 0);
        System.out.printf("[faults] rows=%d kills=%s kafka restarts=%d postgres kills=%d batches completed=%d "
                + "set aside=%d; pipeline received=%d curated=%d duplicates=%d; expected accepted=%d quarantined=%d%n",
                ROWS, faults.killed, faults.kafkaRestarts, faults.postgresKills, completed, failed,
                count(pipeline, "counts.received"), count(pipeline, "counts.curated"),
                count(pipeline, "counts.duplicates"), csv.expectedAccepted(), csv.expectedQuarantined());

        assertEquals(csv.expectedAccepted(), suite.curatedRows(), "one curated row per accepted order line");
        assertEquals(count(pipeline, "counts.received"), count(pipeline, "counts.curated")
                + count(pipeline, "counts.corrected") + count(pipeline, "counts.duplicates")
                + count(pipeline, "counts.filtered") + count(pipeline, "counts.failed")
                + count(pipeline, "counts.superseded"), "the pipeline's counts add up");
        suite.awaitSalesByRegion("2022-01-01", "2022-12-31", csv.salesByRegion());
        assertEquals(KILLS, faults.killed.size(), "services killed");
        assertEquals(1, faults.kafkaRestarts, "Kafka restarts");
        assertEquals(1, faults.postgresKills, "PostgreSQL kills");
        assertTrue(faults.duringFlow > 0, "at least one fault came while records were still being curated");
    }

    /** Even days uploaded as files, odd days pushed as events in parts; each call sent again until it is taken. */
    private static void feed(GeneratedDumps csv, GeneratedDumps ndjson) {
        try {
            for (int day = 0; day < csv.files().size(); day++) {
                if (day % 2 == 0) {
                    DumpFile file = csv.files().get(day);
                    byte[] body = Files.readAllBytes(file.path());
                    String name = file.path().getFileName().toString();
                    send("upload of " + name, () -> given().contentType("text/csv").body(body)
                            .queryParam("fileName", name)
                            .when().post(suite.suite.ingestionUrl() + "/api/sources/uploaded/files"),
                            Set.of(200, 202));
                } else {
                    List<String> lines = Files.readAllLines(ndjson.files().get(day).path(), StandardCharsets.UTF_8)
                            .stream().filter(line -> !line.isBlank()).toList();
                    for (int from = 0; from < lines.size(); from += PUSH_LINES) {
                        byte[] part = (String.join("\n", lines.subList(from, Math.min(lines.size(), from + PUSH_LINES)))
                                + "\n").getBytes(StandardCharsets.UTF_8);
                        send("push of day " + day + " from line " + from, () -> given()
                                .contentType("application/x-ndjson").body(part)
                                .when().post(suite.suite.ingestionUrl() + "/api/sources/pushed/events"), Set.of(200));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends until one of the statuses answers: a refused connection, a 503 or a call cut short is sent again. */
    private static void send(String what, Supplier<Response> call, Set<Integer> taken) {
        long deadline = System.nanoTime() + SEND_LIMIT.toNanos();
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            try {
                Response response = call.get();
                if (taken.contains(response.statusCode())) {
                    return;
                }
                last = response.statusCode() + " " + response.asString();
                if (response.statusCode() < 500 && response.statusCode() != 409 && response.statusCode() != 401) {
                    throw new AssertionError(what + " was refused: " + last);
                }
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                // a connection refused or reset by a service killed mid-call comes as an IOException, undeclared
                last = e.toString();
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(what + " was not taken within " + SEND_LIMIT + "; last: " + last);
    }

    /**
     * Kills the services at random moments, each in turn in a random order, restarts Kafka once and kills PostgreSQL
     * once, at random steps among the kills.
     */
    private static final class Faults {
        private final Random random;
        private final long expectedCurated;
        final List<String> killed = new ArrayList<>();
        int kafkaRestarts;
        int postgresKills;
        /** Faults that came while curated rows were still missing. */
        int duringFlow;

        Faults(Random random, long expectedCurated) {
            this.random = random;
            this.expectedCurated = expectedCurated;
        }

        void inject(CompletableFuture<Void> feeding) throws Exception {
            int kafkaAt = random.nextInt(KILLS + 1);
            int postgresAt = random.nextInt(KILLS + 1);
            // every service in turn, in a random order each round
            List<TributaryService> services = new ArrayList<>();
            for (int step = 0; step <= KILLS; step++) {
                sleep(Duration.ofMillis(1_000 + random.nextInt(4_000)));
                if (step == kafkaAt) {
                    noteFlow();
                    suite.suite.restartKafka(Duration.ofSeconds(3 + random.nextInt(5)));
                    kafkaRestarts++;
                }
                if (step == postgresAt) {
                    noteFlow();
                    suite.suite.killPostgres();
                    postgresKills++;
                    awaitPostgres();
                }
                if (step < KILLS) {
                    if (services.isEmpty()) {
                        services.addAll(List.of(TributaryService.values()));
                        Collections.shuffle(services, random);
                    }
                    TributaryService service = services.remove(0);
                    noteFlow();
                    suite.suite.kill(service);
                    killed.add(service.module());
                    await(service.module() + " runs again").atMost(LIMIT).pollInterval(Duration.ofMillis(500))
                            .ignoreExceptions().until(() -> suite.suite.service(service).isReady());
                }
            }
            System.out.println("[faults] kills: " + killed + "; feeding " + (feeding.isDone() ? "done" : "goes on"));
        }

        private void noteFlow() {
            try {
                if (suite.curatedRows() < expectedCurated) {
                    duringFlow++;
                }
            } catch (SQLException e) {
                // PostgreSQL is coming back: records are certainly still flowing
                duringFlow++;
            }
        }

        private static void awaitPostgres() {
            await("PostgreSQL runs again").atMost(LIMIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> suite.curatedRows() >= 0);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
