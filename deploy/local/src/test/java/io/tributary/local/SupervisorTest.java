package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor with real child processes, killed as a crash would kill them. */
class SupervisorTest {

    private static final RestartPolicy FAST = new RestartPolicy(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofMinutes(1));

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Process> children = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger changes = new AtomicInteger();
    private final Supervisor supervisor = new Supervisor(FAST, log::add, changes::incrementAndGet);

    @AfterEach
    void stopEverything() {
        supervisor.close();
        for (Process child : children) {
            child.destroyForcibly();
        }
    }

    @Test
    void aKilledChildIsStartedAgainAndCounted() throws InterruptedException {
        Supervisor.Run first = child();
        supervisor.supervise("sleeper", 1234, first, this::child);

        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();

        awaitTrue(() -> running().restarts() == 1, "restarted once");
        Supervisor.Snapshot now = running();
        assertNotEquals(first.pid(), now.pid());
        assertTrue(ProcessHandle.of(now.pid()).map(ProcessHandle::isAlive).orElse(false), "the new child runs");
        assertEquals(1234, now.port());
        assertTrue(now.lastExit().startsWith("exit status 137 (signal 9, SIGKILL) after "), now.lastExit());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("sleeper (pid " + first.pid()
                + ") exited unexpectedly: exit status 137 (signal 9, SIGKILL)")), log.toString());
        // logged just after the state changed
        awaitTrue(() -> log.contains("sleeper started again (pid " + now.pid() + ", restart 1)"), "logged: " + log);
        awaitTrue(() -> changes.get() >= 3, "each change is published");
    }

    @Test
    void aChildThatKeepsDyingIsStartedAgainWithGrowingDelays() throws InterruptedException {
        Supervisor.Run first = child();
        supervisor.supervise("sleeper", 1, first, this::child);
        for (int kill = 1; kill <= 3; kill++) {
            long pid = running().pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            int restarts = kill;
            awaitTrue(() -> running().restarts() == restarts && running().pid() != pid, "restart " + kill);
        }
        List<String> delays = log.stream().filter(line -> line.contains("exited unexpectedly"))
                .map(line -> line.substring(line.indexOf("again in ") + 9, line.indexOf(" (failure"))).toList();
        assertEquals(List.of("200ms", "400ms", "800ms"), delays);
    }

    @Test
    void aChildStoppedOnPurposeIsNotStartedAgain() throws InterruptedException {
        Supervisor.Run first = child();
        supervisor.supervise("sleeper", 1, first, this::child);
        supervisor.stop("sleeper");
        assertTrue(ProcessHandle.of(first.pid()).map(p -> !p.isAlive()).orElse(true), "stopped");
        Thread.sleep(4 * FAST.initialDelay().toMillis());
        Supervisor.Snapshot now = supervisor.snapshot().get(0);
        assertEquals(Supervisor.State.STOPPED, now.state());
        assertEquals(0, now.restarts());
        assertEquals(1, children.size(), "nothing was started again");
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void nothingIsStartedAgainOnceSupervisionEnds() throws InterruptedException {
        Supervisor.Run first = child();
        supervisor.supervise("sleeper", 1, first, this::child);
        supervisor.close();
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        Thread.sleep(4 * FAST.initialDelay().toMillis());
        assertEquals(1, children.size(), "nothing was started again");
    }

    @Test
    void aRestartOnPurposeIsNotCountedAsAFailure() throws InterruptedException {
        Supervisor.Run first = child();
        supervisor.supervise("sleeper", 1, first, this::child);
        supervisor.restart("sleeper");
        Supervisor.Snapshot now = running();
        assertNotEquals(first.pid(), now.pid());
        assertEquals(0, now.restarts());
        Thread.sleep(4 * FAST.initialDelay().toMillis());
        assertEquals(2, children.size(), "the stopped child was not started again besides");
    }

    @Test
    void aFailedStartIsTriedAgainAfterTheNextDelay() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        Supervisor.Run first = child();
        supervisor.supervise("flaky", 1, first, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("port 1 is in use");
            }
            return child();
        });
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        awaitTrue(() -> running().restarts() == 1, "restarted after a failed try");
        assertEquals(2, attempts.get());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("flaky could not be started again (port 1 is in use)"
                + "; next try in 400ms")), log.toString());
    }

    private Supervisor.Snapshot running() {
        return supervisor.snapshot().get(0);
    }

    /** Starts {@link SleepingChild} in a JVM of its own. */
    private Supervisor.Run child() {
        Process process;
        try {
            process = new ProcessBuilder(ServiceProcess.javaExecutable(), "-Xmx16m", "-cp",
                    System.getProperty("java.class.path"), SleepingChild.class.getName())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        children.add(process);
        return new Supervisor.Run() {
            @Override
            public long pid() {
                return process.pid();
            }

            @Override
            public CompletableFuture<String> exit() {
                return process.onExit().thenApply(ended -> ServiceProcess.describeExit(ended.exitValue()));
            }

            @Override
            public void stop() {
                process.destroy();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
