package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/** Records of a delimited file: its first row names the fields; blank lines carry no record. */
public final class CsvRecordReader implements RecordReader {

    private final Reader in;
    private final CsvReader csv;
    private List<String> header;

    public CsvRecordReader(Reader in, CsvFormat format) {
        this.in = in;
        this.csv = new CsvReader(in, format);
    }

    @Override
    public SourceRecord next() throws IOException {
        if (header == null) {
            CsvRecord first = csv.next();
            if (first == null) {
                return null;
            }
            header = first.fields().stream().map(String::strip).toList();
        }
        for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
            if (!row.raw().isEmpty()) {
                return new SourceRecord(row.line(), header, row.fields(), row.raw(), null);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
