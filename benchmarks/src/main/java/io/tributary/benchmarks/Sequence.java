package io.tributary.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several benchmarks of the packaged suite run in turn in this JVM on one suite ({@link BenchSuite#share}): the
 * suite starts once, with the first, instead of once for each, and the benchmarks after the first find it warm, with
 * the rows of the ones before in its tables. Only benchmarks whose figures do not need a fresh suite belong in one
 * sequence (see {@code benchmarks/README.md}). Each benchmark prints its own report; at the end a table gives each
 * one's time. A benchmark that fails is reported and the next one runs; the exit status is then 1.
 * <p>
 * Usage: {@code Sequence Benchmark [its arguments] [-- Benchmark [its arguments]]...}, each {@code Benchmark} a class
 * of this package with a {@code main} (e.g. {@code RecommendationLatency --seconds 30 -- RegionQueryLoad}).
 */
public final class Sequence {

    private Sequence() {
    }

    /** One benchmark of the sequence, its arguments, and how it went. */
    private record Run(String benchmark, List<String> arguments, double seconds, String outcome) {
    }

    public static void main(String[] args) throws Exception {
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                groups.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        groups.add(current);
        groups.removeIf(List::isEmpty);
        if (groups.isEmpty()) {
            System.err.println("usage: Sequence Benchmark [its arguments] [-- Benchmark [its arguments]]...");
            System.exit(2);
        }
        List<Method> mains = new ArrayList<>();
        for (List<String> group : groups) {
            mains.add(Class.forName(Sequence.class.getPackageName() + "." + group.get(0))
                    .getMethod("main", String[].class));
        }
        BenchSuite.share(Files.createTempDirectory("tributary-sequence-"));
        List<Run> runs = new ArrayList<>();
        long s0 = System.nanoTime();
        try {
            for (int i = 0; i < groups.size(); i++) {
                List<String> group = groups.get(i);
                List<String> arguments = group.subList(1, group.size());
                EndToEnd.log("sequence: " + String.join(" ", group));
                long t0 = System.nanoTime();
                String outcome = "done";
                try {
                    mains.get(i).invoke(null, (Object) arguments.toArray(String[]::new));
                } catch (InvocationTargetException e) {
                    outcome = "FAILED: " + e.getCause();
                    e.getCause().printStackTrace(System.out);
                }
                runs.add(new Run(group.get(0), arguments, EndToEnd.seconds(System.nanoTime() - t0), outcome));
                EndToEnd.log(String.format(Locale.ROOT, "sequence: %s %s after %.0f s", group.get(0), outcome,
                        runs.get(runs.size() - 1).seconds()));
            }
        } finally {
            BenchSuite.closeShared();
        }
        System.out.println();
        System.out.println("## One suite for " + String.join(", ", runs.stream().map(Run::benchmark).toList()));
        System.out.println();
        System.out.println("The benchmarks above ran in turn on one suite, started once with the first; each later one "
                + "found the rows of the ones before it in the tables.");
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"benchmark", "arguments", "seconds (its suite's start included for the first)",
                "outcome"});
        for (Run run : runs) {
            table.add(new String[]{run.benchmark(), String.join(" ", run.arguments()),
                    String.format(Locale.ROOT, "%.0f", run.seconds()), run.outcome()});
        }
        EndToEnd.printTable(table);
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Whole sequence: %.0f s.",
                EndToEnd.seconds(System.nanoTime() - s0)));
        // the benchmarks' client threads (HTTP, feeds) need not end by themselves
        System.exit(runs.stream().allMatch(run -> run.outcome().equals("done")) ? 0 : 1);
    }

}
