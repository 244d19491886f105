package io.tributary.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * How many polls the transform service's live consumer applied, and their records, read from its Prometheus endpoint
 * once before and once after a measure (two scrapes, not a sampler): what its CPU per poll is worked out from.
 */
record TransformPolls(double polls, double records) {

    private static final Pattern POLLS = Pattern.compile("(?m)^tributary_transform_polls_total(?:\\{[^}]*})? "
            + "([0-9.Ee+-]+)$");
    private static final Pattern RECORDS = Pattern.compile("(?m)^tributary_transform_poll_records_total"
            + "(?:\\{[^}]*})? ([0-9.Ee+-]+)$");

    /** The counters now; zeros when they cannot be read (a service without them). */
    static TransformPolls read(EndToEnd bench, Suite suite) {
        try {
            HttpResponse<String> response = bench.http.send(HttpRequest.newBuilder(URI.create(
                    suite.service(TributaryService.TRANSFORM).baseUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", bench.authorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new TransformPolls(value(POLLS, response.body()), value(RECORDS, response.body()));
        } catch (IOException e) {
            EndToEnd.log("could not read the transform service's metrics: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new TransformPolls(0, 0);
    }

    private static double value(Pattern pattern, String body) {
        Matcher line = pattern.matcher(body);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /**
     * The transform service's and PostgreSQL's CPU per record the live consumer applied between two snapshots (all of
     * PostgreSQL's backends: ingestion's and serving's statements included).
     */
    static String cpuPerRecord(TransformPolls before, TransformPolls after, CpuAccounting.Snapshot from,
            CpuAccounting.Snapshot to) {
        long records = Math.round(after.records - before.records);
        if (records <= 0) {
            return "transform-service CPU per record: unknown (no record counted)";
        }
        return String.format(Locale.ROOT, "transform-service CPU per record applied: %s; PostgreSQL (all backends): "
                + "%,.1f µs per record",
                CpuAccounting.perUnit(from, to, TributaryService.TRANSFORM.module(), records,
                        1e6, "µs", "record"),
                1e6 * CpuAccounting.seconds(from, to, "PostgreSQL (all backends)") / records);
    }

    /**
     * The transform service's CPU per poll between two snapshots, with the polls' mean size; "unknown" without
     * polls.
     */
    static String cpuPerPoll(TransformPolls before, TransformPolls after, CpuAccounting.Snapshot from,
            CpuAccounting.Snapshot to) {
        long polls = Math.round(after.polls - before.polls);
        long records = Math.round(after.records - before.records);
        if (polls <= 0) {
            return "transform-service CPU per poll: unknown (no poll counted)";
        }
        return String.format(Locale.ROOT, "transform-service CPU per poll: %s; %,d polls of %,.1f records on "
                + "average",
                CpuAccounting.perUnit(from, to, TributaryService.TRANSFORM.module(), polls, 1e3, "ms",
                        "poll"),
                polls, records / (double) polls);
    }
}
