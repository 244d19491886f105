package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;

/**
 * The web shop's live orders in the demo: one order line a second pushed as an event to the {@code webshop_events}
 * source, for four minutes, then a pause of 100 seconds, again and again. The marketing requirement "no older than
 * 60 seconds" is met while orders flow and violated in each pause, so a newcomer sees its status, its alert and its
 * budget change.
 */
final class DemoFeed implements Runnable {

    static final String SOURCE = "webshop_events";
    static final Duration FLOWING = Duration.ofMinutes(4);
    static final Duration PAUSED = Duration.ofSeconds(100);

    private final String ingestionUrl;
    private final Path dir;
    private final Consumer<String> out;
    private final Http http;

    /** @param session whom the events are pushed as */
    DemoFeed(String ingestionUrl, Path dir, Session session, Consumer<String> out) {
        this.http = new Http(Duration.ofSeconds(30), session::authorization);
        this.ingestionUrl = ingestionUrl;
        this.dir = dir;
        this.out = out;
    }

    /** Starts the feed on a daemon thread; it ends with the process. */
    static void start(Suite suite, Consumer<String> out) {
        Thread thread = new Thread(new DemoFeed(suite.ingestionUrl(), suite.config().dataDir().resolve("demo/feed"),
                Session.admin(suite), out), "demo-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            register();
            List<String> lines = lines();
            out.accept("Demo feed: an order a second to source '" + SOURCE + "', paused " + PAUSED.toSeconds()
                    + " s every " + FLOWING.toMinutes() + " minutes");
            long rowId = System.currentTimeMillis() / 1000 * 1000;
            int next = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long flowingUntil = System.nanoTime() + FLOWING.toNanos();
                while (System.nanoTime() < flowingUntil) {
                    String line = lines.get(next++ % lines.size()).replaceFirst("\"Row ID\":\\d+",
                            "\"Row ID\":" + rowId++);
                    http.post(ingestionUrl + "/api/sources/" + SOURCE + "/events", "application/x-ndjson", line);
                    ServiceProcess.sleep(Duration.ofSeconds(1));
                }
                ServiceProcess.sleep(PAUSED);
            }
        } catch (RuntimeException e) {
            out.accept("Demo feed stopped: " + e.getMessage());
        }
    }

    private void register() {
        Http.Response response = http.post(ingestionUrl + "/api/sources", "application/json", Http.json(Map.of(
                "name", SOURCE, "dataset", DemoLoader.DATASET, "format", "NDJSON", "timeZone", DemoLoader.TIME_ZONE)));
        if (response.status() != 201 && response.status() != 409) {
            throw response.unexpected();
        }
    }

    /** A day of today's order lines as NDJSON, made by the generator. */
    private List<String> lines() {
        try {
            GeneratedDumps dumps = new SalesDumpGenerator(GeneratorOptions.defaults().withSeed(99).withRows(1_000)
                    .withDays(1).withStartDate(LocalDate.now(ZoneId.of(DemoLoader.TIME_ZONE))).withAnomalyRate(0.02)
                    .withDuplicateRate(0).withoutSchemaChange()).writeNdjson(dir);
            List<String> lines = new ArrayList<>();
            for (DumpFile file : dumps.files()) {
                Files.readAllLines(file.path(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                        .forEach(lines::add);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo feed to " + dir, e);
        }
    }
}
