package io.tributary.ingestion.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.tributary.catalog.lineage.LineageWriter;
import io.tributary.catalog.lineage.Namespaces;
import io.tributary.ingestion.batch.BatchLifecycle;

/**
 * Follows every batch: its OpenLineage run events go to the catalog and its outcome to the metrics. Runs on the batch's
 * worker thread; nothing that goes wrong here reaches the batch. A push's run (its caller waits) is written once, when
 * it ends: START and COMPLETE (or FAIL) in one transaction, without asking the catalog whether it has started.
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
        if (step.push() && step.phase() == BatchLifecycle.Phase.STARTED) {
            // a push's run is stored whole when it ends: its START then, with its end, in one transaction
            return;
        }
        try {
            writer.write(() -> runEvents.of(step, writer.contractFields(step.dataset(), step.contractVersion()),
                    !step.push() && writer.started(step.batchId())));
        } catch (Exception e) {
            LOG.errorf(e, "lineage of batch %s (%s) not stored", step.batchId(), step.phase());
        }
    }
}
