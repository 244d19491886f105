package io.tributary.ingestion.batch;

import java.time.Instant;
import java.time.ZoneId;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.drift.ColumnAliases;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.enforcement.Violation;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * What one pass over a batch decides for each record it reads, in the order {@link BatchProcessor} reads them: the
 * column aliases applied, the contract checked, the key seen before in the batch or not, and the event of an accepted
 * record. The processor counts, quarantines and publishes what it says; the per-record benchmark runs it as it is.
 */
public final class RecordPath {

    /** What becomes of one record. */
    public sealed interface Step {
    }

    /** The record is published under its key. */
    public record Accepted(String key, long position, CheckedRecord checked) implements Step {
    }

    /** The record is the same as one read before in the batch, under the same key: counted once. */
    public record Duplicate() implements Step {
    }

    /** The record is quarantined for the violation. */
    public record Quarantined(Violation violation) implements Step {
    }

    private static final Duplicate DUPLICATE = new Duplicate();

    private final ColumnAliases aliases;
    private final ContractEnforcer enforcer;
    private final KeyIndex keys;
    private final RecordEvents.OfBatch events;
    private final Instant acceptedAt;

    /**
     * @param keys the batch's key index, which the path fills; its caller closes it
     * @param acceptedAt the time the batch's events say they were accepted at
     */
    public RecordPath(DataContract contract, ZoneId zone, ColumnAliases aliases, KeyIndex keys,
            RecordEvents.OfBatch events, Instant acceptedAt) {
        this.aliases = aliases;
        this.enforcer = new ContractEnforcer(contract, zone);
        this.keys = keys;
        this.events = events;
        this.acceptedAt = acceptedAt;
    }

    /** Decides what becomes of the next record of the batch. */
    public Step take(SourceRecord record) {
        CheckedRecord checked = enforcer.check(aliases.apply(record));
        if (!checked.isAccepted()) {
            return new Quarantined(checked.violation());
        }
        String key = RecordEvents.key(checked, record);
        KeyIndex.Seen seen = keys.offer(key, record);
        if (seen == KeyIndex.Seen.NEW) {
            return new Accepted(key, record.position(), checked);
        }
        if (seen == KeyIndex.Seen.SAME_RECORD) {
            return DUPLICATE;
        }
        return new Quarantined(new Violation(null, "primaryKey.unique", key,
                "another record of this batch has the same primary key " + key + " and different values"));
    }

    /** The event an accepted record is published as. */
    public RecordEvent event(Accepted accepted) {
        return events.accepted(accepted.position(), accepted.checked(), accepted.key(), acceptedAt);
    }
}
