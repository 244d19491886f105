package io.tributary.ingestion.parsing;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Records of a delimited file: its first row names the fields (a name holding U+0000 shows it as {@code \u0000}, as
 * every name the catalog keeps must); blank lines carry no record.
 */
public final class CsvRecordReader implements RecordReader {

    /** Where the rows come from: the text, or its bytes. */
    private interface Rows {
        CsvRecord next() throws IOException;
    }

    private final Closeable in;
    private final Rows csv;
    private List<String> header;

    public CsvRecordReader(Reader in, CsvFormat format) {
        this.in = in;
        this.csv = new CsvReader(in, format)::next;
    }

    /** Rows read from the bytes of the text. */
    CsvRecordReader(Closeable in, ByteCsvReader bytes) {
        this.in = in;
        this.csv = bytes::next;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (header == null) {
            CsvRecord first = csv.next();
            if (first == null) {
                return null;
            }
            header = first.fields().stream().map(name -> TextColumns.escaped(name.strip())).toList();
        }
        for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
            if (!row.isEmpty()) {
                return row.fields() instanceof RowFields bytes
                        ? SourceRecord.ofRow(row.line(), header, bytes)
                        : new SourceRecord(row.line(), header, row.fields(), row.raw(), null);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
