package io.tributary.ingestion.drift;

import java.util.List;
import java.util.Map;

import io.tributary.ingestion.parsing.SourceRecord;

/** Renames input fields to the contract columns they stand for, as an operator accepted for the source. */
public final class ColumnAliases {

    private final Map<String, String> aliases;
    private List<String> lastIn;
    private List<String> lastOut;

    public ColumnAliases(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    /** The record with its field names mapped; records sharing one list of names keep sharing the mapped one. */
    public SourceRecord apply(SourceRecord record) {
        if (aliases.isEmpty() || !record.isReadable()) {
            return record;
        }
        return record.withNames(apply(record.names()));
    }

    /** The names mapped; the same list in gives the same list out, so bindings cached by identity still hold. */
    public List<String> apply(List<String> names) {
        if (aliases.isEmpty()) {
            return names;
        }
        if (names != lastIn) {
            lastIn = names;
            lastOut = names.stream().map(name -> aliases.getOrDefault(name, name)).toList();
        }
        return lastOut;
    }
}
