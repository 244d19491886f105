package io.tributary.ingestion.lineage;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.openlineage.client.OpenLineage.RunEvent;
import io.tributary.catalog.lineage.LineageWriter;
import io.tributary.catalog.lineage.Namespaces;
import io.tributary.ingestion.batch.BatchLifecycle;

/**
 * Follows every batch: its OpenLineage run events go to the catalog and its outcome to the metrics. Runs on the batch's
 * worker thread; nothing that goes wrong here reaches the batch. A push's run (its caller waits) is written once, when
 * it ends, without asking the catalog whether it has started: START and COMPLETE in the transaction that completes its
 * batch ({@link #storeCompletedPush}, decision 57), START and FAIL in one of their own.
 */
@ApplicationScoped
public class BatchLineage {

    private static final Logger LOG = Logger.getLogger(BatchLineage.class);

    private final LineageWriter writer;
    private final BatchMetrics metrics;
    private final BatchRunEvents runEvents;

    public BatchLineage(LineageWriter writer, BatchMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.writer = writer;
        this.metrics = metrics;
        this.runEvents = new BatchRunEvents(Namespaces.kafka(bootstrapServers));
    }

    void onBatch(@Observes BatchLifecycle step) {
        try {
            metrics.record(step);
        } catch (RuntimeException e) {
            LOG.warnf(e, "metrics of batch %s (%s) not recorded", step.batchId(), step.phase());
        }
        if (step.push() && step.phase() != BatchLifecycle.Phase.FAILED) {
            // a push's run is stored whole when it ends: with the completion of its batch, or its FAIL here
            return;
        }
        try {
            writer.write(() -> runEvents.of(step, writer.contractFields(step.dataset(), step.contractVersion()),
                    !step.push() && writer.started(step.batchId())));
        } catch (Exception e) {
            LOG.errorf(e, "lineage of batch %s (%s) not stored", step.batchId(), step.phase());
        }
    }

    /**
     * Stores a completed push's whole run, START and COMPLETE, in the caller's transaction: the one that completes the
     * push's batch, so that the run is stored with the completion or not at all, without a transaction of its own.
     * Events that cannot be made are logged and left out, as for any batch.
     */
    public void storeCompletedPush(BatchLifecycle end) {
        List<RunEvent> events;
        try {
            events = runEvents.of(end, writer.contractFields(end.dataset(), end.contractVersion()), false);
        } catch (RuntimeException e) {
            LOG.errorf(e, "lineage of batch %s (%s) not stored", end.batchId(), end.phase());
            return;
        }
        writer.store(events);
    }
}
