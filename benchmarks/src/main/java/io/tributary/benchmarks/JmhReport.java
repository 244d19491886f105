package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints a JMH JSON result of {@link IngestionPathBenchmark} as a small table: rows per second of each variant and
 * its ratio to the reference ({@code readLine} + {@code split}) measured in the same run.
 * <p>
 * Usage: {@code java -cp target/benchmarks.jar io.tributary.benchmarks.JmhReport target/jmh-result.json}
 */
public final class JmhReport {

    /** The target for the per-record path: rows per second on one core. */
    static final double TARGET_ROWS_PER_SECOND = 1_000_000;

    private static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("reference", "(d) reference: readLine + split(\",\")");
        VARIANTS.put("parse", "(a) parse (CsvRecordReader)");
        VARIANTS.put("parseCheck", "(b) parse + check (ContractEnforcer)");
        VARIANTS.put("parseCheckSerialise", "(c) parse + check + RecordEvent + JSON bytes");
        VARIANTS.put("batchPath", "(e) (c) + BatchProcessor's per-record extras");
        VARIANTS.put("parseFastCsv", "(a1) parse with FastCSV");
        VARIANTS.put("parseJacksonCsv", "(a2) parse with Jackson CSV");
        VARIANTS.put("parseUnivocity", "(a3) parse with univocity-parsers");
        VARIANTS.put("parseCheckSerialiseFastCsv", "(c1) (c) with FastCSV's rows");
        VARIANTS.put("parseCheckSerialiseJackson", "(c2) (c) with Jackson writing the JSON");
    }

    private JmhReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhReport <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode metric = result.path("primaryMetric");
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            scores.put(method, new double[]{metric.path("score").asDouble(), metric.path("scoreError").asDouble(),
                    alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble()});
        }
        double[] reference = scores.get("reference");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"variant", "rows/s", "± (99.9%)", "vs reference", "vs 1M rows/s target",
                "allocated B/row"});
        List<String> order = new ArrayList<>(VARIANTS.keySet());
        scores.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String method : order) {
            double[] score = scores.get(method);
            if (score == null) {
                continue;
            }
            rows.add(new String[]{VARIANTS.getOrDefault(method, method), String.format("%,.0f", score[0]),
                    Double.isNaN(score[1]) ? "-" : String.format("%,.0f", score[1]),
                    reference == null ? "-" : String.format("%.2f", score[0] / reference[0]),
                    method.equals("reference") ? "-" : String.format("%.2f", score[0] / TARGET_ROWS_PER_SECOND),
                    Double.isNaN(score[2]) ? "-" : String.format("%,.0f", score[2])});
        }
        EndToEnd.printTable(rows);
    }
}
