package io.tributary.ingestion.parsing;

import java.util.List;

/**
 * One record as a source wrote it, before any contract is applied.
 *
 * @param position where it starts: the line of a delimited or NDJSON file, the index of an element of a JSON array
 * @param names the field names the record comes with; records of one delimited file share their header's list
 * @param values the fields' text, in the order of {@code names}; a value may be null (JSON null); a delimited row may
 *        have more or fewer values than names
 * @param raw the record's text as it appeared, kept for the quarantine
 * @param error why the record could not be read at all (a JSON syntax error), else null
 */
public record SourceRecord(long position, List<String> names, List<String> values, String raw, String error) {

    public static SourceRecord unreadable(long position, String raw, String error) {
        return new SourceRecord(position, List.of(), List.of(), raw, error);
    }

    public boolean isReadable() {
        return error == null;
    }
}
