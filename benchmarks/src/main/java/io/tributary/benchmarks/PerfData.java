package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counters a HotSpot JVM publishes in its performance-data file ({@code <tmpdir>/hsperfdata_<user>/<pid>}, what
 * {@code jstat} reads), read from the file alone: unlike a scrape of the service's {@code /q/metrics}, reading them
 * costs the measured process nothing, where a scrape cost the transform service 34 ms of CPU.
 */
final class PerfData {

    private static final int MAGIC = 0xcafec0c0;
    private static final byte LONG = 'J';

    private final Path file;

    PerfData(Path file) {
        this.file = file;
    }

    /** The performance-data file of a JVM of this user on this machine. */
    static PerfData of(long pid) {
        return new PerfData(Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_"
                + System.getProperty("user.name"), Long.toString(pid)));
    }

    /**
     * Bytes of the heap in use: the young generation's spaces (eden and both survivors) and the old generation, as
     * {@code jstat -gc} sums them; empty when the file cannot be read (another JVM, {@code -XX:-UsePerfData}).
     */
    Optional<Heap> heap() {
        Map<String, Long> counters = longs();
        Long eden = counters.get("sun.gc.generation.0.space.0.used");
        Long old = counters.get("sun.gc.generation.1.space.0.used");
        if (eden == null || old == null) {
            return Optional.empty();
        }
        long survivors = counters.getOrDefault("sun.gc.generation.0.space.1.used", 0L)
                + counters.getOrDefault("sun.gc.generation.0.space.2.used", 0L);
        return Optional.of(new Heap(eden + survivors + old, old));
    }

    /** Heap in use and, of it, the old generation, in bytes. */
    record Heap(long used, long oldGen) {
    }

    /** Every scalar long counter by name; empty when the file is missing or not a performance-data file. */
    Map<String, Long> longs() {
        Map<String, Long> counters = new HashMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return counters;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 32 || buffer.getInt(0) != MAGIC) {
            return counters;
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int at = buffer.getInt(24);
        int entries = buffer.getInt(28);
        try {
            for (int i = 0; i < entries; i++) {
                int length = buffer.getInt(at);
                if (length <= 0) {
                    break;
                }
                int nameAt = at + buffer.getInt(at + 4);
                int vectorLength = buffer.getInt(at + 8);
                byte type = buffer.get(at + 12);
                int dataAt = at + buffer.getInt(at + 16);
                int nameEnd = nameAt;
                while (bytes[nameEnd] != 0) {
                    nameEnd++;
                }
                if (type == LONG && vectorLength == 0) {
                    counters.put(new String(bytes, nameAt, nameEnd - nameAt, StandardCharsets.US_ASCII),
                            buffer.getLong(dataAt));
                }
                at += length;
            }
        } catch (IndexOutOfBoundsException e) {
            // a file being written as it is read: the counters read so far
        }
        return counters;
    }
}
