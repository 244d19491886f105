package io.tributary.transform.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.tributary.transform.backfill.BackfillLifecycle;
import io.tributary.transform.service.PipelineChanged;

/** Follows pipeline versions and backfills: their OpenLineage run events go to the catalog. */
@ApplicationScoped
public class PipelineLineage {

    private static final Logger LOG = Logger.getLogger(PipelineLineage.class);

    private final LineageWriter writer;

    public PipelineLineage(LineageWriter writer) {
        this.writer = writer;
    }

    /**
     * After the version's transaction committed, in a transaction of its own: a version that was not stored leaves no
     * run, and lineage that cannot be stored never undoes a stored version (a run whose START is lost gets one when the
     * next version completes it).
     */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineChanged changed) {
        try {
            writer.versionStored(changed.name(), changed.version());
        } catch (Exception e) {
            LOG.errorf(e, "lineage of pipeline %s v%d not stored", changed.name(), changed.version());
        }
    }

    /** On the backfill's thread; nothing that goes wrong here reaches the backfill. */
    void onBackfill(@Observes BackfillLifecycle step) {
        try {
            writer.backfill(step);
        } catch (Exception e) {
            LOG.errorf(e, "lineage of backfill %s (%s) not stored", step.backfillId(), step.phase());
        }
    }
}
