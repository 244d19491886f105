package io.tributary.ingestion.parsing;

import java.io.Closeable;
import java.io.IOException;

/** Reads a source's records one at a time, whatever their format; memory does not grow with the input. */
public interface RecordReader extends Closeable {

    /** The next record, or null at the end of the input. Never throws for bad content: it yields unreadable records. */
    SourceRecord next() throws IOException;
}
