package io.tributary.ingestion.parsing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Map;

import io.tributary.catalog.entity.SourceEntity;

/** Opens the reader for a source's format and options. */
public final class RecordReaders {

    private RecordReaders() {
    }

    public static RecordReader open(SourceEntity.Format format, Map<String, String> options, InputStream in) {
        return switch (format) {
            case CSV -> new CsvRecordReader(new BufferedReader(new InputStreamReader(in, FormatOptions.encoding(options))),
                    FormatOptions.csvFormat(options));
            case JSON, NDJSON -> throw new IllegalArgumentException("format " + format + " is not read yet");
        };
    }
}
