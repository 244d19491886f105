package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CPU time of each part of the suite, and of everything else on the machine, between two snapshots (Linux
 * {@code /proc}; elsewhere every figure is unknown). On a small shared machine this says at once whether a figure was
 * measured with the cores to itself or while other work ran.
 */
final class CpuAccounting {

    /** The unit of /proc/stat and /proc/[pid]/stat: USER_HZ, 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** A named group of processes, found anew at each snapshot (PostgreSQL's backends come and go). */
    record Part(String name, Supplier<List<ProcessHandle>> processes, boolean withReapedChildren) {
    }

    /** Ticks since boot; {@code compiler}: of each part's ticks, those of the JVM's JIT compiler threads. */
    record Snapshot(long nanos, long machineBusy, long machineAll, Map<String, Long> parts, Map<String, Long> compiler) {
    }

    private final List<Part> parts = new ArrayList<>();

    CpuAccounting add(String name, Supplier<List<ProcessHandle>> processes, boolean withReapedChildren) {
        parts.add(new Part(name, processes, withReapedChildren));
        return this;
    }

    Snapshot snapshot() {
        long[] machine = machine();
        Map<String, Long> byPart = new LinkedHashMap<>();
        Map<String, Long> compiler = new LinkedHashMap<>();
        for (Part part : parts) {
            long ticks = 0;
            long compiling = 0;
            for (ProcessHandle process : part.processes().get()) {
                ticks += ticks(process.pid(), part.withReapedChildren());
                compiling += compilerTicks(process.pid());
            }
            byPart.put(part.name(), ticks);
            compiler.put(part.name(), compiling);
        }
        return new Snapshot(System.nanoTime(), machine[0], machine[1], byPart, compiler);
    }

    /**
     * One line per part: CPU seconds and the share of the machine's capacity (cores x wall time) in the window, then
     * "other processes" (the machine's busy time not accounted to the suite) and the machine's total.
     */
    static List<String[]> table(Snapshot from, Snapshot to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        double capacity = wall * Runtime.getRuntime().availableProcessors();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"process", "CPU s", "% of " + Runtime.getRuntime().availableProcessors() + " cores",
                "of which JIT compiler s"});
        long ours = 0;
        for (Map.Entry<String, Long> part : to.parts().entrySet()) {
            long ticks = part.getValue() - from.parts().getOrDefault(part.getKey(), 0L);
            long compiling = to.compiler().getOrDefault(part.getKey(), 0L)
                    - from.compiler().getOrDefault(part.getKey(), 0L);
            ours += ticks;
            rows.add(row(part.getKey(), ticks, capacity, compiling));
        }
        long busy = to.machineBusy() - from.machineBusy();
        if (to.machineAll() > 0) {
            rows.add(row("other processes on the machine", Math.max(0, busy - ours), capacity, 0));
            rows.add(row("machine total", busy, capacity, 0));
        }
        return rows;
    }

    /** CPU seconds of one part between two snapshots, or -1 when unknown. */
    static double seconds(Snapshot from, Snapshot to, String part) {
        Long end = to.parts().get(part);
        return end == null || to.machineAll() <= 0
                ? -1
                : (end - from.parts().getOrDefault(part, 0L)) / TICKS_PER_SECOND;
    }

    /** CPU seconds of one part's JIT compiler threads between two snapshots. */
    static double compilerSeconds(Snapshot from, Snapshot to, String part) {
        return (to.compiler().getOrDefault(part, 0L) - from.compiler().getOrDefault(part, 0L)) / TICKS_PER_SECOND;
    }

    /**
     * One part's CPU per unit of work between two snapshots, in the given unit ({@code 1e6} for µs), and the same
     * without its JIT compiler threads: "406 µs per event (251 µs without its JIT compiler)", or "unknown".
     */
    static String perUnit(Snapshot from, Snapshot to, String part, long units, double scale, String unit, String of) {
        double all = seconds(from, to, part);
        if (all < 0 || units <= 0) {
            return "unknown";
        }
        double compiled = all - compilerSeconds(from, to, part);
        return String.format(Locale.ROOT, "%,.1f %s per %s (%,.1f %s without its JIT compiler threads)",
                all * scale / units, unit, of, compiled * scale / units, unit);
    }

    /** The share of the machine's capacity in use between two snapshots, or 0 when unknown. */
    static double busyShare(Snapshot from, Snapshot to) {
        long all = to.machineAll() - from.machineAll();
        return all <= 0 ? 0 : (to.machineBusy() - from.machineBusy()) / (double) all;
    }

    /** CPU seconds of the JIT compiler threads of all parts between two snapshots. */
    static double compilerSeconds(Snapshot from, Snapshot to) {
        long ticks = 0;
        for (Map.Entry<String, Long> part : to.compiler().entrySet()) {
            ticks += part.getValue() - from.compiler().getOrDefault(part.getKey(), 0L);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU seconds of all parts together between two snapshots: what the suite itself used, whatever else ran. */
    static double partsSeconds(Snapshot from, Snapshot to) {
        long ticks = 0;
        for (Map.Entry<String, Long> part : to.parts().entrySet()) {
            ticks += part.getValue() - from.parts().getOrDefault(part.getKey(), 0L);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * The highest ratio bound / measured time this machine allows for the measured work as it is: the suite's CPU
     * seconds in the measure, spread over every core without a pause, take at least their share of one core each;
     * however the work overlaps, the measure cannot end sooner, so the ratio cannot be higher unless the work itself
     * shrinks.
     *
     * @param window what the measure ran from and to, as the sentence names it
     */
    static String floor(String window, double measuredCpu, double boundCpu, double boundSeconds) {
        if (measuredCpu <= 0) {
            return "CPU floor: unknown (no CPU accounting on this system)";
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double floor = measuredCpu / cores;
        return String.format(Locale.ROOT, "CPU floor: the suite (every service, the broker, PostgreSQL) used %.1f CPU "
                + "s %s, the bound %.1f; on %d cores that work takes at least %.1f s, so **bound / Tributary is at most "
                + "%.2f on this machine** however it overlaps, unless the work itself shrinks (the bound does %.2f of "
                + "its CPU work).", measuredCpu, window, boundCpu, cores, floor, boundSeconds / floor,
                boundCpu / measuredCpu);
    }

    /** The share of the machine's capacity used by processes outside the suite, or -1 when unknown. */
    static double otherShare(Snapshot from, Snapshot to) {
        if (to.machineAll() <= 0) {
            return -1;
        }
        long ours = 0;
        for (Map.Entry<String, Long> part : to.parts().entrySet()) {
            ours += part.getValue() - from.parts().getOrDefault(part.getKey(), 0L);
        }
        long busy = to.machineBusy() - from.machineBusy();
        long all = to.machineAll() - from.machineAll();
        return all <= 0 ? -1 : Math.max(0, busy - ours) / (double) all;
    }

    private static String[] row(String name, long ticks, double capacity, long compilerTicks) {
        double seconds = ticks / TICKS_PER_SECOND;
        return new String[]{name, String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%.0f%%", 100 * seconds / capacity),
                compilerTicks > 0 ? String.format(Locale.ROOT, "%.1f", compilerTicks / TICKS_PER_SECOND) : ""};
    }

    /** {busy, all} ticks of all cores since boot. */
    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[]{all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** utime + stime of a process, plus those of its children it has waited for if asked; 0 when it is gone. */
    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String[] fields = statFields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * utime + stime of a JVM's JIT compiler threads (named "C1 CompilerThread<n>" and "C2 CompilerThread<n>"): a
     * service still compiling its hot code is not measured in its steady state. 0 for any other process.
     */
    private static long compilerTicks(long pid) {
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long ticks = 0;
            for (Path thread : threads.toList()) {
                String stat = Files.readString(thread.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] fields = statFields(stat);
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The fields of a {@code /proc/.../stat} line after the command name, which is in parentheses and may hold spaces:
     * utime and stime are [11] and [12], the reaped children's [13] and [14].
     */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** The PostgreSQL server whose command line names this data directory, and all its processes. */
    static List<ProcessHandle> postgresTree(Path dataDir) {
        String dir = dataDir.toAbsolutePath().normalize().toString();
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dir)).orElse(false))
                .findFirst();
        if (postmaster.isEmpty()) {
            return List.of();
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(postmaster.get());
        postmaster.get().descendants().forEach(tree::add);
        return tree;
    }
}
