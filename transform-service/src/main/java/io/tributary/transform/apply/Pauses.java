package io.tributary.transform.apply;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tributary.catalog.event.Channels;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.progress.PipelineStateRepository;
import io.tributary.transform.registry.PipelineRegistry;
import io.tributary.transform.service.PipelineResumed;

/**
 * Keeps a pipeline that cannot run from losing records. When its current version stops compiling (its contract
 * changed under it), the consumer goes on for the other pipelines, but this one is paused in the poll's transaction
 * with the offsets it stopped at, and says why ({@code GET /api/pipelines/{name}}). When it compiles again (the
 * contract, or a new version, fits again), the pause ends in a poll's transaction and the records from those offsets
 * are applied by a backfill from the topic ({@link PipelineResumed}): nothing is skipped while the offsets advance.
 * With no pipeline blocked and none paused, a poll costs nothing more.
 */
@ApplicationScoped
public class Pauses {

    private static final Logger LOG = Logger.getLogger(Pauses.class);

    private final PipelineRegistry registry;
    private final PipelineStateRepository states;
    private final ConsumerOffsetRepository offsets;
    private final Event<PipelineResumed> resumed;
    private static final long PERIOD_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pipeline-pauses");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether the catalog held a paused pipeline when last read; unknown, so true, until then. */
    private volatile boolean somePaused = true;

    public Pauses(PipelineRegistry registry, PipelineStateRepository states, ConsumerOffsetRepository offsets,
            Event<PipelineResumed> resumed) {
        this.registry = registry;
        this.states = states;
        this.offsets = offsets;
        this.resumed = resumed;
    }

    /**
     * In the poll's transaction, before it is applied: pauses the pipelines that cannot run, ends the pause of those
     * that can again.
     *
     * @param topic the topic polled
     * @param next the next offset of each partition of the poll, as locked by the transaction
     */
    void check(String topic, Map<Integer, Long> next) throws SQLException {
        Map<String, List<String>> blocked = registry.blocked();
        if (blocked.isEmpty() && !somePaused) {
            return;
        }
        Map<String, PipelineStateRepository.Pause> paused = states.paused();
        somePaused = !paused.isEmpty() || !blocked.isEmpty();
        for (Map.Entry<String, List<String>> pipeline : blocked.entrySet()) {
            if (!paused.containsKey(pipeline.getKey())) {
                // the offsets of the pipeline's dataset's topic (decision 0054); of the topic polled when the
                // pipeline's version cannot even be read, so that its dataset is unknown
                String of = registry.datasetOf(pipeline.getKey()).map(Channels::acceptedRecordsOf).orElse(topic);
                Map<Integer, Long> from = new HashMap<>(offsets.all(RecordApplier.CONSUMER, of));
                if (of.equals(topic)) {
                    from.putAll(next);
                }
                String reason = String.join("; ", pipeline.getValue());
                LOG.warnf("pipeline %s paused at offsets %s of %s: %s", pipeline.getKey(), from, of, reason);
                states.pause(pipeline.getKey(), reason, new PipelineStateRepository.ResumePoint(of, from));
            }
        }
        resumeRunnable(blocked, paused);
    }

    /**
     * Every few seconds, in a transaction of its own, ends the pause of the pipelines that can run again, so that one
     * catches up without waiting for a record of any dataset to arrive.
     */
    void start(@Observes StartupEvent startup) {
        timer.scheduleWithFixedDelay(this::resumeIdle, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void resumeIdle() {
        try {
            if (somePaused) {
                registry.current();
                QuarkusTransaction.requiringNew().call(() -> {
                    Map<String, PipelineStateRepository.Pause> paused = states.paused();
                    somePaused = !paused.isEmpty() || !registry.blocked().isEmpty();
                    resumeRunnable(registry.blocked(), paused);
                    return null;
                });
            }
        } catch (Exception | Error e) {
            // the next period, or the next poll, tries again
            LOG.debugf("paused pipelines not checked: %s", e);
        }
    }

    private void resumeRunnable(Map<String, List<String>> blocked, Map<String, PipelineStateRepository.Pause> paused)
            throws SQLException {
        for (String name : paused.keySet()) {
            Optional<CompiledPipeline> runs = blocked.containsKey(name) ? Optional.empty() : registry.find(name);
            if (runs.isPresent()) {
                Optional<PipelineStateRepository.ResumePoint> from = states.resume(name);
                if (from.isPresent()) {
                    LOG.infof("pipeline %s v%d runs again; its records from offsets %s of %s are applied again", name,
                            runs.get().version(), from.get().offsets(), from.get().topic());
                    resumed.fire(new PipelineResumed(name, runs.get().version(), from.get().topic(),
                            from.get().offsets()));
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
