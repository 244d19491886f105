package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

import io.tributary.catalog.entity.SourceEntity;

/**
 * Opens the reader for a source's format and options. Whatever the format, gzip content is decompressed on the fly
 * and the text's encoding is the declared one or the detected one ({@link TextDecoding}); the file is read as a
 * stream. Opening reads nothing: the first {@link RecordReader#next()} does, so that I/O errors surface there.
 * Damaged gzip data, and content past a limit of {@link ReadLimits} that cannot be read past, end the file with an
 * unreadable record that says so, after the records read before it.
 */
public final class RecordReaders {

    private RecordReaders() {
    }

    /** Opens a reader whose JSON records are flattened whole, no array exploded, within the default limits. */
    public static RecordReader open(SourceEntity.Format format, Map<String, String> options, InputStream in) {
        return open(format, options, JsonShape.FLAT, in);
    }

    /** Opens a reader; JSON records take the shape a contract gives them (CSV has no shape). */
    public static RecordReader open(SourceEntity.Format format, Map<String, String> options, JsonShape shape,
            InputStream in) {
        return open(format, options, shape, ReadLimits.DEFAULT, in);
    }

    /**
     * Opens a reader whose JSON records take the shape a contract gives them (CSV has no shape), and that holds and
     * makes no more than the limits allow.
     */
    public static RecordReader open(SourceEntity.Format format, Map<String, String> options, JsonShape shape,
            ReadLimits limits, InputStream in) {
        return new Opening(format, options == null ? Map.of() : options, shape, limits, in);
    }

    /** The reader of a format over decoded text. */
    static RecordReader forText(SourceEntity.Format format, Map<String, String> options, JsonShape shape,
            ReadLimits limits, Reader text) throws IOException {
        return switch (format) {
            case CSV -> new CsvRecordReader(text, FormatOptions.csvFormat(options), limits);
            case JSON -> new JsonRecordReader(text, shape, limits);
            case NDJSON -> new NdjsonRecordReader(text, shape, limits);
        };
    }

    /**
     * The reader of a format over encoded text: delimited text in an ASCII-compatible encoding is read from its bytes
     * ({@link ByteCsvReader}), anything else from the decoded text.
     */
    static RecordReader forText(SourceEntity.Format format, Map<String, String> options, JsonShape shape,
            ReadLimits limits, TextDecoding.EncodedText text) throws IOException {
        if (format == SourceEntity.Format.CSV) {
            CsvFormat csv = FormatOptions.csvFormat(options);
            if (ByteCsvReader.handles(text.charset(), csv)) {
                return new CsvRecordReader(text.bytes(),
                        ByteCsvReader.of(text.bytes(), text.charset(), csv, text.markToDrop(), limits.recordChars()),
                        limits);
            }
        }
        return forText(format, options, shape, limits, text.reader());
    }

    /** Opens the format's reader on the first read, and turns damaged input into a last, unreadable record. */
    private static final class Opening implements RecordReader {

        private final SourceEntity.Format format;
        private final Map<String, String> options;
        private final JsonShape shape;
        private final ReadLimits limits;
        private final InputStream in;
        private RecordReader reader;
        private long lastPosition;
        private boolean done;

        Opening(SourceEntity.Format format, Map<String, String> options, JsonShape shape, ReadLimits limits,
                InputStream in) {
            this.format = format;
            this.options = options;
            this.shape = shape;
            this.limits = limits;
            this.in = in;
        }

        @Override
        public SourceRecord next() throws IOException {
            if (done) {
                return null;
            }
            try {
                if (reader == null) {
                    InputStream bytes = TextDecoding.decompressed(in, limits);
                    reader = forText(format, options, shape, limits,
                            TextDecoding.encoded(bytes, FormatOptions.declaredEncoding(options)));
                }
                SourceRecord record = reader.next();
                if (record == null) {
                    done = true;
                } else {
                    lastPosition = record.position();
                }
                return record;
            } catch (DamagedInputException e) {
                done = true;
                return SourceRecord.unreadable(lastPosition + 1, "", e.getMessage());
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (reader != null) {
                    reader.close();
                }
            } finally {
                in.close();
            }
        }
    }
}
