package io.tributary.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the processes of a running suite up: a process that exits when nobody asked it to is started again after the
 * delay of a {@link RestartPolicy}, and each such exit is logged with its status and counted. Stopping a process
 * through the supervisor ({@link #stop}, {@link #restart}, {@link #close}) is not an exit to recover from.
 */
public final class Supervisor implements AutoCloseable {

    /** One run of a supervised process. */
    public interface Run {
        long pid();

        /** Completes when the process has ended, with how it ended ("exit status 137 (signal 9, SIGKILL)"). */
        CompletableFuture<String> exit();

        /** Stops the process on purpose and waits until it is gone. */
        void stop();
    }

    /** Starts a process again; throws when it cannot. */
    public interface Starter {
        Run start();
    }

    public enum State {
        RUNNING,
        /** Exited unexpectedly; waiting out its back-off before it is started again. */
        RESTARTING,
        /** Stopped on purpose. */
        STOPPED
    }

    /** A supervised process as it is now: {@code pid} 0 and {@code startedAt} null while it is not running. */
    public record Snapshot(String name, long pid, int port, State state, Instant startedAt, int restarts,
            String lastExit) {
    }

    private final RestartPolicy policy;
    private final Consumer<String> log;
    private final Runnable changed;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Child> children = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param log receives a line for each unexpected exit and each restart
     * @param changed called after each change of state, outside the supervisor's lock
     */
    public Supervisor(RestartPolicy policy, Consumer<String> log, Runnable changed) {
        this(policy, log, changed, Clock.systemUTC());
    }

    Supervisor(RestartPolicy policy, Consumer<String> log, Runnable changed, Clock clock) {
        this.policy = policy;
        this.log = log;
        this.changed = changed;
        this.clock = clock;
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "tributary-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static final class Child {
        final String name;
        final int port;
        final Starter starter;
        Run run;
        Instant startedAt;
        State state = State.RUNNING;
        int restarts;
        int failuresInARow;
        String lastExit;
        /** Moves on with every decision, so that a restart scheduled before it knows it is stale. */
        long generation;
        ScheduledFuture<?> pending;

        Child(String name, int port, Starter starter) {
            this.name = name;
            this.port = port;
            this.starter = starter;
        }
    }

    /** Supervises a process that is running now, and starts it again with {@code starter} when it exits. */
    public void supervise(String name, int port, Run running, Starter starter) {
        Child child = new Child(name, port, starter);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the supervisor is closed");
            }
            if (children.containsKey(name)) {
                throw new IllegalArgumentException(name + " is supervised already");
            }
            child.run = running;
            child.startedAt = clock.instant();
            children.put(name, child);
        }
        watch(child, running);
        changed.run();
    }

    /** Stops a process on purpose: it is not started again. */
    public void stop(String name) {
        Run run;
        synchronized (this) {
            Child child = child(name);
            run = child.state == State.RUNNING ? child.run : null;
            settle(child, State.STOPPED);
        }
        if (run != null) {
            run.stop();
        }
        changed.run();
    }

    /** Stops a process on purpose and starts it again at once; not counted as a restart after a failure. */
    public void restart(String name) {
        stop(name);
        Child child;
        synchronized (this) {
            child = child(name);
        }
        Run run = child.starter.start();
        synchronized (this) {
            if (closed) {
                child.run = null;
            } else {
                child.run = run;
                child.startedAt = clock.instant();
                child.failuresInARow = 0;
                child.state = State.RUNNING;
            }
        }
        if (child.run == null) {
            run.stop();
            return;
        }
        watch(child, run);
        changed.run();
    }

    /** The supervised processes, in the order they were added. */
    public synchronized List<Snapshot> snapshot() {
        List<Snapshot> snapshots = new ArrayList<>();
        for (Child child : children.values()) {
            boolean running = child.state == State.RUNNING && child.run != null;
            snapshots.add(new Snapshot(child.name, running ? child.run.pid() : 0, child.port, child.state,
                    running ? child.startedAt : null, child.restarts, child.lastExit));
        }
        return snapshots;
    }

    /** Ends supervision: nothing is started again from now on. The processes are left running for their owner. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Child child : children.values()) {
                if (child.pending != null) {
                    child.pending.cancel(false);
                }
                child.generation++;
            }
        }
        scheduler.shutdownNow();
    }

    private Child child(String name) {
        Child child = children.get(name);
        if (child == null) {
            throw new IllegalArgumentException(name + " is not supervised");
        }
        return child;
    }

    /** Cancels a pending restart and puts the child in a state of rest. Under the lock. */
    private void settle(Child child, State state) {
        if (child.pending != null) {
            child.pending.cancel(false);
            child.pending = null;
        }
        child.generation++;
        child.state = state;
    }

    private void watch(Child child, Run run) {
        run.exit().whenComplete((how, failure) -> exited(child, run, how != null ? how : "ended (" + failure + ")"));
    }

    private void exited(Child child, Run run, String how) {
        Duration uptime;
        RestartPolicy.Restart restart;
        synchronized (this) {
            if (closed || child.run != run || child.state != State.RUNNING) {
                // stopped on purpose, or an earlier run
                return;
            }
            uptime = Duration.between(child.startedAt, clock.instant());
            restart = policy.after(child.failuresInARow, uptime);
            child.lastExit = how + " after " + SuiteStatus.duration(uptime) + ", at "
                    + clock.instant().truncatedTo(ChronoUnit.SECONDS);
            schedule(child, restart);
        }
        log.accept(child.name + " (pid " + run.pid() + ") exited unexpectedly: " + how + ", after "
                + SuiteStatus.duration(uptime) + " up; starting it again in " + SuiteStatus.duration(restart.delay())
                + " (failure " + restart.failuresInARow() + " in a row)");
        changed.run();
    }

    /** Under the lock. */
    private void schedule(Child child, RestartPolicy.Restart restart) {
        child.failuresInARow = restart.failuresInARow();
        child.state = State.RESTARTING;
        long generation = ++child.generation;
        child.pending = scheduler.schedule(() -> startAgain(child, generation), restart.delay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void startAgain(Child child, long generation) {
        synchronized (this) {
            if (closed || child.generation != generation) {
                return;
            }
        }
        Run run;
        try {
            run = child.starter.start();
        } catch (RuntimeException e) {
            RestartPolicy.Restart restart;
            synchronized (this) {
                if (closed || child.generation != generation) {
                    return;
                }
                restart = policy.after(child.failuresInARow, Duration.ZERO);
                child.lastExit = "could not be started: " + e.getMessage();
                schedule(child, restart);
            }
            log.accept(child.name + " could not be started again (" + e.getMessage() + "); next try in "
                    + SuiteStatus.duration(restart.delay()));
            changed.run();
            return;
        }
        int restarts;
        synchronized (this) {
            restarts = !closed && child.generation == generation ? ++child.restarts : 0;
            if (restarts > 0) {
                child.run = run;
                child.startedAt = clock.instant();
                child.state = State.RUNNING;
                child.pending = null;
            }
        }
        if (restarts == 0) {
            run.stop();
            return;
        }
        log.accept(child.name + " started again (pid " + run.pid() + ", restart " + restarts + ")");
        watch(child, run);
        changed.run();
    }
}
