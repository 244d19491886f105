package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time and the allocations go in a JFR recording: CPU samples per thread, the hottest methods by own time
 * and by total time (methods on the stack), allocation by class, and GC. Usage:
 * {@code java -cp target/benchmarks.jar io.tributary.benchmarks.JfrHotspots recording.jfr [top]}
 */
public final class JfrHotspots {

    /** By default, samples whose stack holds this frame are the batch thread's per-record path. */
    static final String BATCH_FRAME = "io.tributary.ingestion.batch.BatchProcessor.";

    private JfrHotspots() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrHotspots <recording.jfr> [top, default 25] [frame prefix of the path to "
                    + "break down, default " + BATCH_FRAME + "]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String pathFrame = args.length > 2 ? args[2] : BATCH_FRAME;
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));

        Map<String, Long> threads = new HashMap<>();
        Map<String, Map<String, Long>> totalByThread = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> batchSelf = new HashMap<>();
        Map<String, Long> batchTotal = new HashMap<>();
        long samples = 0;
        long batchSamples = 0;
        Map<String, Long> allocByClass = new HashMap<>();
        Map<String, Long> allocBySite = new HashMap<>();
        long allocated = 0;
        long gcs = 0;
        Duration gcPause = Duration.ZERO;
        long maxHeapAfterGc = 0;
        Map<String, Duration> batchWaits = new HashMap<>();
        double jvmCpu = 0;
        double machineCpu = 0;
        long cpuLoads = 0;

        for (RecordedEvent event : events) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    String thread = event.getThread("sampledThread") == null
                            ? "?"
                            : event.getThread("sampledThread").getJavaName();
                    threads.merge(normalise(thread), 1L, Long::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    List<RecordedFrame> frames = stack.getFrames();
                    boolean batch = frames.stream().anyMatch(f -> name(f).startsWith(pathFrame));
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    Map<String, Long> threadTotal = totalByThread.computeIfAbsent(normalise(thread),
                            t -> new HashMap<>());
                    for (RecordedFrame frame : frames) {
                        if (seen.add(name(frame))) {
                            threadTotal.merge(name(frame), 1L, Long::sum);
                            total.merge(name(frame), 1L, Long::sum);
                            if (batch) {
                                batchTotal.merge(name(frame), 1L, Long::sum);
                            }
                        }
                    }
                    if (batch) {
                        batchSamples++;
                        batchSelf.merge(name(frames.get(0)), 1L, Long::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null) {
                        String site = stack.getFrames().stream().map(JfrHotspots::name)
                                .filter(interesting()).findFirst().orElse("(other)");
                        allocBySite.merge(site, weight, Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                }
                case "jdk.CPULoad" -> {
                    cpuLoads++;
                    jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    machineCpu += event.getFloat("machineTotal");
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead",
                        "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && stack.getFrames().stream().anyMatch(f -> name(f).startsWith(pathFrame))) {
                        String site = stack.getFrames().stream().map(JfrHotspots::name)
                                .filter(n -> n.startsWith("io.tributary.")).findFirst().orElse("?");
                        String type = event.getEventType().getName().substring("jdk.".length());
                        batchWaits.merge(type + " in " + site, event.getDuration(), Duration::plus);
                    }
                }
                case "jdk.GCHeapSummary" -> {
                    if ("After GC".equals(event.getString("when"))) {
                        maxHeapAfterGc = Math.max(maxHeapAfterGc, event.getLong("heapUsed"));
                    }
                }
                default -> {
                }
            }
        }
        System.out.println();
        System.out.println("## JFR hotspots of " + args[0]);
        Duration recorded = events.stream().map(RecordedEvent::getEndTime).max(Comparator.naturalOrder())
                .map(end -> Duration.between(events.stream().map(RecordedEvent::getStartTime)
                        .min(Comparator.naturalOrder()).orElse(end), end))
                .orElse(Duration.ZERO);
        System.out.printf("%nRecorded %.1f s; CPU (jdk.CPULoad, averaged): this JVM %.0f%%, whole machine %.0f%% "
                + "(of all cores)%n", recorded.toMillis() / 1e3, 100 * jvmCpu / Math.max(1, cpuLoads),
                100 * machineCpu / Math.max(1, cpuLoads));
        System.out.printf("%n%,d CPU samples; by thread:%n", samples);
        print(threads, samples, 10);
        long allSamples = samples;
        threads.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .forEach(thread -> {
                    System.out.printf("%nThread %s (%.0f%% of samples), total time of the project's and libraries' "
                            + "frames:%n", thread.getKey(), 100.0 * thread.getValue() / Math.max(1, allSamples));
                    Map<String, Long> frames = new HashMap<>();
                    totalByThread.getOrDefault(thread.getKey(), Map.of()).forEach((frame, count) -> {
                        if (interesting().test(frame)) {
                            frames.put(frame, count);
                        }
                    });
                    print(frames, thread.getValue(), 12);
                });
        System.out.printf("%nAll threads, own time (top frame):%n");
        print(self, samples, top);
        System.out.printf("%nBatch thread (stacks through %s*): %,d samples, %.0f%% of all; total time (on stack):%n",
                pathFrame, batchSamples, 100.0 * batchSamples / Math.max(1, samples));
        print(batchTotal, batchSamples, top + 10);
        System.out.printf("%nBatch thread, own time (top frame):%n");
        print(batchSelf, batchSamples, top);
        System.out.printf("%nBatch thread blocked (events over JFR's thresholds, 10-20 ms, so a lower bound):%n");
        batchWaits.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %7.1f s  %s%n", e.getValue().toMillis() / 1e3, e.getKey()));
        System.out.printf("%nAllocation (sampled, %,.0f MB in all) by class:%n", allocated / 1e6);
        print(allocByClass, allocated, 12);
        System.out.printf("%nAllocation by first io.tributary / jackson / kafka frame:%n");
        print(allocBySite, allocated, 12);
        System.out.printf("%nGC: %d collections, %d ms of pauses, max heap used after GC %.0f MB%n", gcs,
                gcPause.toMillis(), maxHeapAfterGc / 1024.0 / 1024.0);
    }

    /** The project's and its libraries' frames, not the JDK's plumbing. */
    private static Predicate<String> interesting() {
        return name -> name.startsWith("io.tributary.") || name.startsWith("com.fasterxml.")
                || name.startsWith("org.apache.kafka.") || name.startsWith("io.smallrye.")
                || name.startsWith("io.quarkus.") || name.startsWith("io.vertx.") || name.startsWith("net.jpountz.")
                || name.startsWith("io.micrometer.") || name.startsWith("io.opentelemetry.")
                || name.startsWith("java.time.") || name.startsWith("java.math.") || name.startsWith("java.util.UUID");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Pool threads differ only by their number. */
    private static String normalise(String thread) {
        return thread.replaceAll("\\d+", "#");
    }

    private static void print(Map<String, Long> counts, long all, int top) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((name, count) -> System.out.printf("  %5.1f%%  %s%n", 100.0 * count / Math.max(1, all), name));
    }
}
