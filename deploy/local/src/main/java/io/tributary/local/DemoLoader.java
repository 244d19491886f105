package io.tributary.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;

/**
 * Loads the demo: registers the sales contract, declares the sales pipeline and the {@code webshop} source, then, unless it was loaded before,
 * generates a small deterministic week of sales dumps and sends them through ingestion one file at a time.
 */
public final class DemoLoader {

    public static final String DATASET = "sales";
    public static final String SOURCE = "webshop";
    public static final String TIME_ZONE = "America/New_York";
    public static final String CONTRACT_RESOURCE = "/demo/sales-contract.yaml";
    public static final String PIPELINE_RESOURCE = "/demo/sales-pipeline.yaml";
    /** Written after a complete load: one line per batch, {@code <batch id> <file name>}. */
    public static final String MARKER = ".loaded";

    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED");
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final String requirementsUrl;
    private final String ingestionUrl;
    private final String transformUrl;
    private final Path demoDir;
    private final Consumer<String> out;
    private final Http http;

    /**
     * @param dataDir the suite's data directory; the demo files and the marker go to {@code <dataDir>/demo}
     * @param session whom the steps are taken as: a steward and an engineer's work, which the admin may do
     * @param out receives one line per step and per batch
     */
    public DemoLoader(String requirementsUrl, String ingestionUrl, String transformUrl, Path dataDir,
            Session session, Consumer<String> out) {
        this.http = new Http(Duration.ofMinutes(2), session::authorization);
        this.requirementsUrl = requirementsUrl;
        this.ingestionUrl = ingestionUrl;
        this.transformUrl = transformUrl;
        this.demoDir = dataDir.resolve("demo");
        this.out = out;
    }

    public static DemoLoader forSuite(Suite suite, Consumer<String> out) {
        return new DemoLoader(suite.requirementsUrl(), suite.ingestionUrl(), suite.transformUrl(),
                suite.config().dataDir(), Session.admin(suite), out);
    }

    /** Seed 42, 2,000 order lines over the 7 days from 2024-01-01, 1% anomalies, 1% duplicates. */
    public static GeneratorOptions demoOptions() {
        return GeneratorOptions.defaults()
                .withSeed(42)
                .withRows(2_000)
                .withDays(7)
                .withStartDate(LocalDate.of(2024, 1, 1))
                .withAnomalyRate(0.01)
                .withDuplicateRate(0.01)
                .withoutSchemaChange();
    }

    /** The demo's ODCS contract of the {@code sales} dataset, as YAML. */
    public static String contractYaml() {
        return resource(CONTRACT_RESOURCE);
    }

    /** The demo's transform pipeline of the {@code sales} dataset, as YAML. */
    public static String pipelineYaml() {
        return resource(PIPELINE_RESOURCE);
    }

    private static String resource(String name) {
        try (InputStream in = DemoLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers the contract and the source, and loads the generated files unless an earlier run did.
     *
     * @return true if files were loaded now, false if the demo data was there already
     * @throws IllegalStateException if a service refuses a step or a batch does not finish in time
     */
    public boolean load() {
        putContract();
        putPipeline();
        registerSource();
        Path marker = demoDir.resolve(MARKER);
        if (alreadyLoaded(marker)) {
            out.accept("Demo data was loaded by an earlier run (" + marker + " lists its batches)");
            return false;
        }
        GeneratedDumps dumps = generate();
        Map<String, String> batches = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (DumpFile file : dumps.files()) {
            String fileName = file.path().getFileName().toString();
            String id = upload(file.path());
            JsonNode batch = awaitBatch(id);
            batches.put(id, fileName);
            String status = batch.path("status").asText();
            out.accept(String.format("  %-22s %-9s received %5d  accepted %5d  quarantined %4d  duplicates %4d",
                    fileName, status, batch.path("received").asLong(), batch.path("accepted").asLong(),
                    batch.path("quarantined").asLong(), batch.path("duplicates").asLong()));
            if (!"COMPLETED".equals(status)) {
                failed.add(fileName + " (" + batch.path("error").asText("no reason given") + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("demo batches did not complete: " + String.join(", ", failed));
        }
        writeMarker(marker, batches);
        out.accept("Demo data loaded: " + dumps.files().size() + " files, " + dumps.totalLines()
                + " records; expected sales by region " + dumps.salesByRegion().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().toPlainString())
                        .collect(Collectors.joining(", ")));
        return true;
    }

    private void putContract() {
        Http.Response response = http.put(requirementsUrl + "/api/contracts/" + DATASET, "application/yaml",
                contractYaml());
        if (response.status() != 200 && response.status() != 201) {
            throw response.unexpected();
        }
        out.accept("Contract of dataset '" + DATASET + "' registered (catalog version "
                + response.json().path("version").asText("?") + ")");
    }

    private void putPipeline() {
        Http.Response response = http.put(transformUrl + "/api/pipelines/" + DATASET, "application/yaml",
                pipelineYaml());
        if (response.status() != 200 && response.status() != 201) {
            throw response.unexpected();
        }
        out.accept("Pipeline '" + DATASET + "' declared (version " + response.json().path("version").asText("?")
                + ")");
    }

    private void registerSource() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("name", SOURCE);
        source.put("dataset", DATASET);
        source.put("format", "CSV");
        source.put("timeZone", TIME_ZONE);
        Http.Response response = http.post(ingestionUrl + "/api/sources", "application/json", Http.json(source));
        if (response.status() == 201) {
            out.accept("Source '" + SOURCE + "' registered");
        } else if (response.status() == 409) {
            out.accept("Source '" + SOURCE + "' was registered by an earlier run");
        } else {
            throw response.unexpected();
        }
    }

    /** True when the marker names a batch that the ingestion service knows. */
    private boolean alreadyLoaded(Path marker) {
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                String id = line.strip().split("\\s+", 2)[0];
                if (id.isEmpty()) {
                    continue;
                }
                Http.Response response = http.get(ingestionUrl + "/api/batches/" + id);
                if (response.status() == 200) {
                    return true;
                }
                if (response.status() != 404) {
                    // do not risk loading the demo twice on a passing error
                    throw response.unexpected();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + marker, e);
        }
        out.accept("The ingestion service knows none of the batches in " + marker + "; loading the demo again");
        return false;
    }

    private GeneratedDumps generate() {
        GeneratorOptions options = demoOptions();
        try {
            GeneratedDumps dumps = new SalesDumpGenerator(options).writeCsv(demoDir);
            out.accept("Generated " + dumps.files().size() + " demo files in " + demoDir + " (seed " + options.seed()
                    + ", " + dumps.totalLines() + " records from " + options.startDate() + " to "
                    + options.endDate() + ")");
            return dumps;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo files to " + demoDir, e);
        }
    }

    private String upload(Path file) {
        String fileName = file.getFileName().toString();
        String url = ingestionUrl + "/api/sources/" + SOURCE + "/files?fileName="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
        Http.Response response = http.postFile(url, "text/csv", file);
        if (response.status() != 202 && response.status() != 201 && response.status() != 200) {
            throw response.unexpected();
        }
        String id = response.json().path("id").asText("");
        if (id.isEmpty() && response.location() != null) {
            id = response.location().substring(response.location().lastIndexOf('/') + 1);
        }
        if (id.isEmpty()) {
            throw new IllegalStateException("POST " + url + " answered " + response.status() + " without a batch id");
        }
        return id;
    }

    private JsonNode awaitBatch(String id) {
        String url = ingestionUrl + "/api/batches/" + id;
        long deadline = System.nanoTime() + BATCH_TIMEOUT.toNanos();
        while (true) {
            Http.Response response = http.get(url);
            if (response.status() != 200) {
                throw response.unexpected();
            }
            JsonNode batch = response.json();
            if (FINISHED.contains(batch.path("status").asText())) {
                return batch;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("batch " + id + " did not finish within " + BATCH_TIMEOUT.toMinutes()
                        + " minutes; last state " + batch);
            }
            ServiceProcess.sleep(POLL_INTERVAL);
        }
    }

    private static void writeMarker(Path marker, Map<String, String> batches) {
        String lines = batches.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        try {
            Files.writeString(marker, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + marker, e);
        }
    }
}
