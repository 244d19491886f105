package io.tributary.serving.training;

import java.util.List;
import java.util.Locale;

/** How a training set is written: one JSON object per line (the default) or CSV with a header line. */
public enum TrainingSetFormat {
    NDJSON("application/x-ndjson"),
    CSV("text/csv");

    /** The query parameter that names a format, ahead of the Accept header. */
    public static final String PARAMETER = "format";

    private final String mediaType;

    TrainingSetFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The format asked for: {@code format=csv|ndjson} if given, else CSV when the Accept header names
     * {@code text/csv}, else NDJSON.
     *
     * @return null, with a problem added, when {@code format} names no format
     */
    public static TrainingSetFormat chosen(String format, String accept, List<String> problems) {
        if (format != null && !format.isBlank()) {
            try {
                return valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("query parameter '" + PARAMETER + "': '" + format + "' is not csv or ndjson");
                return null;
            }
        }
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV.mediaType)) {
            return CSV;
        }
        return NDJSON;
    }
}
