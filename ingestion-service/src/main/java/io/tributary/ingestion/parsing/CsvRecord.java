package io.tributary.ingestion.parsing;

import java.util.List;
import java.util.Objects;

/**
 * One record of a delimited file: {@code line} the physical line on which it starts (1 = first line of the file),
 * {@code fields}, and {@code raw} its text as it appeared, without its line end. A value class, equal to any record of
 * the same components; the raw text of a row read from its bytes ({@link RowFields}) is made from them the first time
 * it is asked for.
 */
public final class CsvRecord {

    private final long line;
    private final List<String> fields;
    private String raw;

    public CsvRecord(long line, List<String> fields, String raw) {
        this.line = line;
        this.fields = fields;
        this.raw = raw;
    }

    /** A row read from its bytes, whose raw text is theirs. */
    static CsvRecord ofRow(long line, RowFields row) {
        return new CsvRecord(line, row, null);
    }

    public long line() {
        return line;
    }

    public List<String> fields() {
        return fields;
    }

    public String raw() {
        if (raw == null && fields instanceof RowFields row) {
            raw = row.text();
        }
        return raw;
    }

    /** Whether the record is a blank line: no text at all. */
    public boolean isEmpty() {
        return fields instanceof RowFields row ? row.textIsEmpty() : raw.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvRecord record && line == record.line && Objects.equals(fields, record.fields)
                && Objects.equals(raw(), record.raw());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, fields, raw());
    }

    @Override
    public String toString() {
        return "CsvRecord[line=" + line + ", fields=" + fields + ", raw=" + raw() + "]";
    }
}
