package io.tributary.ingestion.parsing;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** Reads a source's records one at a time, whatever their format; memory does not grow with the input. */
public interface RecordReader extends Closeable {

    /** The next record, or null at the end of the input. Never throws for bad content: it yields unreadable records. */
    SourceRecord next() throws IOException;

    /** Reads records that were read before and kept. */
    static RecordReader of(List<SourceRecord> records) {
        Iterator<SourceRecord> remaining = records.iterator();
        return new RecordReader() {
            @Override
            public SourceRecord next() {
                return remaining.hasNext() ? remaining.next() : null;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
