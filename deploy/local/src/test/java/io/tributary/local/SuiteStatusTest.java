package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteStatusTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    private static SuiteStatus status() {
        return new SuiteStatus(100, START.toString(), List.of(
                new SuiteStatus.Entry("postgresql", 200, 15432, "running", START.toString(), 0, null, null),
                new SuiteStatus.Entry("kafka", 100, 19092, "running", START.toString(), 0, null,
                        "in the launcher's JVM"),
                new SuiteStatus.Entry("ingestion-service", 0, 8081, "restarting", null, 2,
                        "exit status 137 (signal 9, SIGKILL) after 4s", null),
                new SuiteStatus.Entry("transform-service", 301, 8082, "running",
                        START.plusSeconds(3600).toString(), 1, "exit status 1 after 2s", null)));
    }

    @Test
    void showsEachProcessWithItsPidPortStateUptimeAndRestarts() {
        List<String> lines = status().render(START.plus(Duration.ofMinutes(95)).plusSeconds(7));
        assertEquals("Tributary is running: launcher pid 100, up 1h 35m", lines.get(0));
        assertEquals(List.of("process", "pid", "port", "state", "uptime", "restarts", "last", "unexpected", "exit"),
                List.of(lines.get(2).split(" +")));
        assertEquals(List.of("postgresql", "200", "15432", "running", "1h 35m", "0"),
                List.of(lines.get(3).split(" {2,}")));
        assertTrue(lines.get(4).endsWith("(in the launcher's JVM)"), lines.get(4));
        assertEquals(List.of("ingestion-service", "-", "8081", "restarting", "-", "2",
                "exit status 137 (signal 9, SIGKILL) after 4s"), List.of(lines.get(5).split(" {2,}")));
        assertEquals(List.of("transform-service", "301", "8082", "running", "35m 07s", "1", "exit status 1 after 2s"),
                List.of(lines.get(6).split(" {2,}")));
    }

    @Test
    void readsWhatItWrote(@TempDir Path data) {
        status().write(data);
        assertEquals(Optional.of(status()), SuiteStatus.read(data));
        SuiteStatus.delete(data);
        assertEquals(Optional.empty(), SuiteStatus.read(data));
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(List.of("250ms", "45s", "3m 07s", "2h 05m", "3d 04h"),
                List.of(Duration.ofMillis(250), Duration.ofSeconds(45), Duration.ofSeconds(187),
                        Duration.ofMinutes(125), Duration.ofHours(76)).stream().map(SuiteStatus::duration).toList());
    }
}
