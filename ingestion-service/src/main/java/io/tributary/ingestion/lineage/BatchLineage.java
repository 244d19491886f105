package io.tributary.ingestion.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.tributary.ingestion.service.BatchLifecycle;

/**
 * Follows every batch: its OpenLineage run events go to the catalog and its outcome to the metrics. Runs on the batch's
 * worker thread; nothing that goes wrong here reaches the batch.
 */
@ApplicationScoped
public class BatchLineage {

    private static final Logger LOG = Logger.getLogger(BatchLineage.class);

    private final LineageWriter writer;
    private final BatchMetrics metrics;

    public BatchLineage(LineageWriter writer, BatchMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    void onBatch(@Observes BatchLifecycle step) {
        try {
            metrics.record(step);
        } catch (RuntimeException e) {
            LOG.warnf(e, "metrics of batch %s (%s) not recorded", step.batchId(), step.phase());
        }
        try {
            writer.record(step);
        } catch (Exception e) {
            LOG.errorf(e, "lineage of batch %s (%s) not stored", step.batchId(), step.phase());
        }
    }
}
