package io.tributary.transform.apply;

import java.time.Instant;

import io.tributary.transform.curated.CuratedRow;

/**
 * What becomes of a key's row when a record computed into it is applied: the decision at the heart of exactly-once
 * (decision 0002). Each key's latest record wins: an older offset of the same partition is passed over, an exact
 * repeat is dropped, anything else replaces the stored row. {@link PipelineWriter} only carries the decision out.
 */
sealed interface RowDecision {

    /** The stored row came from a later offset of the same partition: nothing changes. */
    record Superseded() implements RowDecision {
    }

    /** The same data, computed by the same pipeline version, is stored already: nothing changes. */
    record Repeat() implements RowDecision {
    }

    /**
     * The stream's own record, which a backfill from the topic read and applied first: nothing changes, but the stream
     * counts it as curated, not as a repeat.
     */
    record AppliedFirstByBackfill() implements RowDecision {
    }

    /** Computed again (by a backfill, or for a reference that changed) to the row that is stored: nothing changes. */
    record Unchanged() implements RowDecision {
    }

    /**
     * The computed row is written in place of the stored one.
     *
     * @param retracted the stored row, when it was curated: its values leave the aggregate and the features
     * @param late whether the row is curated with an event time behind the watermark by more than the lateness
     */
    record Write(CuratedRow row, Effect effect, CuratedRow retracted, boolean late) implements RowDecision {
    }

    /** How a write counts among the pipeline's records. */
    enum Effect {
        /** A live record whose key had no row. */
        CURATED,
        /** A live record that replaces its key's row. */
        CORRECTED,
        /** A live record a filter left out. */
        FILTERED,
        /** A live record that could not be processed, quarantined. */
        FAILED,
        /** A row computed again: by a backfill, or because a reference row it looks up arrived or changed. */
        REDERIVED
    }

    /**
     * Decides what applying {@code computed} does.
     *
     * @param mode how the record came
     * @param stored the key's row as stored, or as written earlier in the same transaction; null when it has none
     * @param computed the row the current version computed from the record
     * @param eventTime the computed row's event time as an instant, or null
     * @param lateBefore an event time before this is late (the watermark less the lateness); null when no watermark
     */
    static RowDecision decide(Item.Mode mode, CuratedRow stored, CuratedRow computed, Instant eventTime,
            Instant lateBefore) {
        boolean live = mode == Item.Mode.LIVE;
        if (mode != Item.Mode.REDERIVE && stored != null) {
            boolean samePartition = stored.partition() == computed.partition();
            if (samePartition && stored.offset() > computed.offset()) {
                return new Superseded();
            }
            if (stored.hash().equals(computed.hash()) && stored.version() == computed.version()) {
                return live && samePartition && stored.offset() == computed.offset()
                        ? new AppliedFirstByBackfill()
                        : new Repeat();
            }
        }
        if (!live && sameResult(stored, computed)) {
            return new Unchanged();
        }
        Effect effect = !live
                ? Effect.REDERIVED
                : switch (computed.status()) {
                    case FAILED -> Effect.FAILED;
                    case FILTERED -> Effect.FILTERED;
                    case CURATED -> stored == null ? Effect.CURATED : Effect.CORRECTED;
                };
        boolean late = computed.isCurated() && eventTime != null && lateBefore != null
                && eventTime.isBefore(lateBefore);
        return new Write(computed, effect, stored != null && stored.isCurated() ? stored : null, late);
    }

    private static boolean sameResult(CuratedRow stored, CuratedRow computed) {
        return stored != null && stored.version() == computed.version() && stored.status() == computed.status()
                && stored.values().equals(computed.values()) && stored.pending().equals(computed.pending());
    }
}
