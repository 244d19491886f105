package io.tributary.ingestion.parsing;

/**
 * How much of a file's content the readers hold or make, so that no file can exhaust memory or time whatever it holds.
 * Each limit reached is told by its configuration key and its value ({@link #exceeded}).
 *
 * @param gzipBytes the most bytes gzip content may decompress into
 * @param gzipRatio the most bytes gzip content may decompress into per compressed byte, past {@link #GZIP_ALLOWANCE}
 * @param fieldChars the most characters one field of a delimited file may hold
 * @param recordChars the most characters one record may hold (a delimited row, a JSON element, an NDJSON line)
 * @param columns the most fields one record may have
 * @param jsonDepth the deepest JSON objects and arrays may nest
 * @param explodeRecords the most records one JSON object may explode into
 */
public record ReadLimits(long gzipBytes, int gzipRatio, int fieldChars, int recordChars, int columns, int jsonDepth,
        int explodeRecords) {

    /** The defaults of the configuration. */
    public static final ReadLimits DEFAULT = new ReadLimits(8L << 30, 200, 2 << 20, 32 << 20, 1000, 256, 10_000);

    /** Decompressed bytes that gzip content may always make, whatever its ratio: small files compress well. */
    public static final long GZIP_ALLOWANCE = 1 << 20;

    static final String PREFIX = "tributary.ingestion.limits.";
    static final String GZIP_SIZE = PREFIX + "gzip-size";
    static final String GZIP_RATIO = PREFIX + "gzip-ratio";
    static final String FIELD_SIZE = PREFIX + "field-size";
    static final String RECORD_SIZE = PREFIX + "record-size";
    static final String COLUMNS = PREFIX + "columns";
    static final String JSON_DEPTH = PREFIX + "json-depth";
    static final String EXPLODE_RECORDS = PREFIX + "explode-records";

    public ReadLimits {
        if (gzipBytes < 1 || gzipRatio < 1 || fieldChars < 1 || recordChars < 1 || columns < 1 || jsonDepth < 1
                || explodeRecords < 1) {
            throw new IllegalArgumentException("every read limit must be at least 1");
        }
    }

    /** Whether a record's error says it went past one of these limits. */
    public static boolean reached(String error) {
        return error != null && error.contains("(the limit " + PREFIX);
    }

    /** The words that end a reason given for a limit reached: its key and its value, so that it can be raised. */
    static String exceeded(String key, long value) {
        return "(the limit " + key + " is " + value + ")";
    }
}
