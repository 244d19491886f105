package io.tributary.ingestion.batch;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.ingestion.enforcement.Violation;
import io.tributary.ingestion.parsing.TextColumns;

/**
 * Quarantine entries as the catalog can hold them. Text columns cannot hold U+0000 (nor half a surrogate pair): the
 * value and the reason show such a character as its escape, and the raw text does too, while the record's exact text
 * is kept beside it for a replay.
 */
public final class QuarantineEntries {

    private QuarantineEntries() {
    }

    /** The entry of a record held back at the door. */
    public static QuarantinedRecordEntity of(UUID batch, String dataset, long position, String raw,
            Violation violation) {
        QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
        entry.batchId = batch;
        entry.dataset = dataset;
        entry.position = position;
        String shown = TextColumns.escaped(raw);
        entry.raw = shown;
        // escaped gives back the same instance when the text has nothing to escape
        entry.rawExact = shown == raw ? null : raw.getBytes(StandardCharsets.UTF_8);
        describe(entry, violation);
        return entry;
    }

    /** Sets the entry's field, rule, value and reason to the violation's. */
    public static void describe(QuarantinedRecordEntity entry, Violation violation) {
        entry.field = violation.field();
        entry.rule = violation.rule();
        entry.value = TextColumns.escaped(violation.value());
        entry.reason = TextColumns.escaped(violation.reason());
    }

    /** The record's text as it came. */
    public static String raw(QuarantinedRecordEntity entry) {
        return entry.rawExact == null ? entry.raw : new String(entry.rawExact, StandardCharsets.UTF_8);
    }
}
