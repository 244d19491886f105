package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TributaryLocalTest {

    @Test
    void runWithoutOptionsUsesTheWellKnownPortsAndDotTributary() {
        TributaryLocal.Options options = TributaryLocal.parse(List.of(), true);
        assertEquals(Path.of(".tributary").toAbsolutePath().normalize(), options.dataDir());
        assertFalse(options.fresh());
        assertTrue(options.demo());
        assertFalse(options.jsonLogs());
        assertEquals(List.of(8081, 8082, 8083, 8084, 15432, 19092),
                List.of(options.ingestionPort(), options.transformPort(), options.servingPort(),
                        options.requirementsPort(), options.postgresPort(), options.kafkaPort()));
    }

    @Test
    void everyRunOptionIsUnderstoodInBothSpellings() {
        TributaryLocal.Options options = TributaryLocal.parse(List.of("--fresh", "--no-demo", "--json-logs",
                "--data", "/tmp/x", "--ingestion-port", "1", "--transform-port=2", "--serving-port", "3",
                "--requirements-port", "4", "--postgres-port=5", "--kafka-port", "0"), true);
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertTrue(options.fresh());
        assertFalse(options.demo());
        assertTrue(options.jsonLogs());
        assertEquals(List.of(1, 2, 3, 4, 5, 0),
                List.of(options.ingestionPort(), options.transformPort(), options.servingPort(),
                        options.requirementsPort(), options.postgresPort(), options.kafkaPort()));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThrows(TributaryLocal.UsageException.class, () -> TributaryLocal.parse(List.of("--bogus"), true));
        assertThrows(TributaryLocal.UsageException.class,
                () -> TributaryLocal.parse(List.of("--kafka-port"), true));
        assertThrows(TributaryLocal.UsageException.class,
                () -> TributaryLocal.parse(List.of("--kafka-port", "65536"), true));
        assertThrows(TributaryLocal.UsageException.class,
                () -> TributaryLocal.parse(List.of("--serving-port", "http"), true));
        assertThrows(TributaryLocal.UsageException.class, () -> TributaryLocal.parse(List.of("--fresh"), false));
        assertThrows(TributaryLocal.UsageException.class, () -> cli().execute(new String[]{"start"}));
        assertThrows(TributaryLocal.UsageException.class, () -> cli().execute(new String[0]));
    }

    @Test
    void stopWithoutARunningSuiteSaysSoAndSucceeds(@TempDir Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TributaryLocal cli = new TributaryLocal(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, cli.execute(new String[]{"stop", "--data", data.toString()}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("not running"));
    }

    @Test
    void statusWithoutARunningSuiteSaysSoAndExitsWithThree(@TempDir Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TributaryLocal cli = new TributaryLocal(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        new SuiteStatus(ProcessHandle.current().pid(), "2026-12-06T10:00:00Z", List.of()).write(data);
        assertEquals(TributaryLocal.NOT_RUNNING, cli.execute(new String[]{"status", "--data", data.toString()}));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Tributary is not running on " + data),
                "a status file without a live launcher is not a running suite");
        assertThrows(TributaryLocal.UsageException.class,
                () -> cli.execute(new String[]{"status", "--no-demo"}));
    }

    @Test
    void freshDeletesATributaryDataDirectory(@TempDir Path parent) throws IOException {
        Path data = parent.resolve("data");
        TributaryLocal.prepareDataDir(data);
        Files.createDirectories(data.resolve("postgres/base"));
        Files.writeString(data.resolve("postgres/base/file"), "x");
        TributaryLocal.deleteDataDir(data);
        assertFalse(Files.exists(data));
    }

    @Test
    void freshRefusesToDeleteADirectoryThatIsNotTributarys(@TempDir Path parent) throws IOException {
        Path precious = parent.resolve("home");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "years of work");
        assertThrows(IllegalStateException.class, () -> TributaryLocal.deleteDataDir(precious));
        assertTrue(Files.exists(precious.resolve("thesis.tex")));
    }

    private static TributaryLocal cli() {
        return new TributaryLocal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
