package io.tributary.ingestion.parsing;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Records of a delimited file: its first row names the fields (a name holding U+0000 shows it as {@code \u0000}, as
 * every name the catalog keeps must); blank lines carry no record. Within the {@link ReadLimits}: a header of more
 * fields than {@link ReadLimits#columns()} ends the file, unread; a row of more fields than that, or with a field
 * longer than {@link ReadLimits#fieldChars()}, is an unreadable record (its raw text cut as an unreadable JSON record's
 * is).
 */
public final class CsvRecordReader implements RecordReader {

    /** Where the rows come from: the text, or its bytes. */
    private interface Rows {
        CsvRecord next() throws IOException;
    }

    private final Closeable in;
    private final Rows csv;
    private final ReadLimits limits;
    private List<String> header;

    public CsvRecordReader(Reader in, CsvFormat format, ReadLimits limits) {
        this.in = in;
        this.csv = new CsvReader(in, format, limits.recordChars())::next;
        this.limits = limits;
    }

    /** Rows of delimited text whose header is known already: a row read again on its own, without the file's first. */
    public static CsvRecordReader withHeader(Reader in, CsvFormat format, List<String> header, ReadLimits limits) {
        CsvRecordReader reader = new CsvRecordReader(in, format, limits);
        reader.header = header;
        return reader;
    }

    /** Rows read from the bytes of the text. */
    CsvRecordReader(Closeable in, ByteCsvReader bytes, ReadLimits limits) {
        this.in = in;
        this.csv = bytes::next;
        this.limits = limits;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (header == null) {
            CsvRecord first = csv.next();
            if (first == null) {
                return null;
            }
            if (first.fields().size() > limits.columns()) {
                throw DamagedInputException.limit("the header names " + first.fields().size() + " fields, more than "
                        + limits.columns(), ReadLimits.COLUMNS, limits.columns());
            }
            header = first.fields().stream().map(name -> TextColumns.escaped(name.strip())).toList();
        }
        for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
            if (!row.isEmpty()) {
                String beyond = beyondLimits(row);
                if (beyond != null) {
                    return SourceRecord.unreadable(row.line(), JsonSupport.capped(row.raw()), beyond);
                }
                return row.fields() instanceof RowFields bytes
                        ? SourceRecord.ofRow(row.line(), header, bytes)
                        : new SourceRecord(row.line(), header, row.fields(), row.raw(), null);
            }
        }
        return null;
    }

    /** Why the row goes past a limit, or null when it does not. */
    private String beyondLimits(CsvRecord row) {
        List<String> fields = row.fields();
        if (fields.size() > limits.columns()) {
            return "the row has " + fields.size() + " fields, more than " + limits.columns() + " "
                    + ReadLimits.exceeded(ReadLimits.COLUMNS, limits.columns());
        }
        if (fields instanceof RowFields bytes && bytes.bytes().length <= limits.fieldChars()) {
            // no field of a row this short can be longer: nothing to decode
            return null;
        }
        for (int i = 0; i < fields.size(); i++) {
            int length = fields instanceof RowFields bytes && bytes.isAscii(i)
                    ? bytes.to(i) - bytes.from(i)
                    : fields.get(i).length();
            if (length > limits.fieldChars()) {
                return "field " + (i + 1) + (i < header.size() ? " (" + header.get(i) + ")" : "") + " holds " + length
                        + " characters, more than " + limits.fieldChars() + " "
                        + ReadLimits.exceeded(ReadLimits.FIELD_SIZE, limits.fieldChars());
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
