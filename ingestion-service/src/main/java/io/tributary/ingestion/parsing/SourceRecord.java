package io.tributary.ingestion.parsing;

import java.util.List;
import java.util.Objects;

/**
 * One record as a source wrote it, before any contract is applied: {@code position} where it starts (the line of a
 * delimited or NDJSON file, the index of an element of a JSON array), {@code names} the field names it comes with
 * (records of one delimited file share their header's list), {@code values} the fields' text in the order of
 * {@code names} (a value may be null, JSON null; a delimited row may have more or fewer values than names), {@code raw}
 * the record's text as it appeared, kept for the quarantine, and {@code error} why it could not be read at all (a JSON
 * syntax error), else null. A record made of one item of an exploded JSON array ({@link JsonShape}) knows the item's
 * position in it, from 1, and how many items it has; any other record has 0 for both.
 *
 * <p>
 * A value class, equal to any record of the same components. The raw text of a row read from its bytes
 * ({@link RowFields}) is made from them the first time it is asked for.
 */
public final class SourceRecord {

    private final long position;
    private final List<String> names;
    private final List<String> values;
    private final String error;
    private final RowFields row;
    private final int item;
    private final int items;
    private String raw;

    public SourceRecord(long position, List<String> names, List<String> values, String raw, String error) {
        this(position, names, values, raw, error, null, 0, 0);
    }

    /** A record made of the {@code item}th of the {@code items} items of an exploded array. */
    public SourceRecord(long position, List<String> names, List<String> values, String raw, String error, int item,
            int items) {
        this(position, names, values, raw, error, null, item, items);
    }

    private SourceRecord(long position, List<String> names, List<String> values, String raw, String error,
            RowFields row, int item, int items) {
        this.position = position;
        this.names = names;
        this.values = values;
        this.raw = raw;
        this.error = error;
        this.row = row;
        this.item = item;
        this.items = items;
    }

    public static SourceRecord unreadable(long position, String raw, String error) {
        return new SourceRecord(position, List.of(), List.of(), raw, error);
    }

    /** A row read from its bytes, whose raw text is theirs. */
    static SourceRecord ofRow(long position, List<String> names, RowFields row) {
        return new SourceRecord(position, names, row, null, null, row, 0, 0);
    }

    /** This record with other field names, as an operator mapped them; its values and item stay. */
    public SourceRecord withNames(List<String> others) {
        return new SourceRecord(position, others, values, raw, error, row, item, items);
    }

    /** This record as the {@code item}th of {@code items} items of an exploded array. */
    public SourceRecord asItem(int item, int items) {
        return new SourceRecord(position, names, values, raw, error, row, item, items);
    }

    public long position() {
        return position;
    }

    public List<String> names() {
        return names;
    }

    public List<String> values() {
        return values;
    }

    public String raw() {
        if (raw == null && row != null) {
            raw = row.text();
        }
        return raw;
    }

    /** Whether the raw text holds the NUL character (U+0000), which no text column can hold. */
    public boolean containsNul() {
        if (row != null) {
            return row.containsNul();
        }
        return raw != null && raw.indexOf('\u0000') >= 0;
    }

    public String error() {
        return error;
    }

    /** The position of the record's item in the exploded array, from 1; 0 when the record is not an item. */
    public int item() {
        return item;
    }

    /** How many items the exploded array holds, when the record is one of them; else 0. */
    public int items() {
        return items;
    }

    public boolean isReadable() {
        return error == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceRecord record && position == record.position && item == record.item
                && items == record.items && Objects.equals(names, record.names) && Objects.equals(values, record.values)
                && Objects.equals(raw(), record.raw()) && Objects.equals(error, record.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, names, values, raw(), error, item, items);
    }

    @Override
    public String toString() {
        return "SourceRecord[position=" + position + ", names=" + names + ", values=" + values + ", raw=" + raw()
                + ", error=" + error + (item > 0 ? ", item=" + item + " of " + items : "") + "]";
    }
}
