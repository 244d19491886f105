package io.tributary.serving.service;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

/** How a metrics answer is written: a JSON document (the default), or CSV streamed row by row. */
public enum MetricsFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV("text/csv");

    /** The query parameter that names a format, ahead of the Accept header. */
    public static final String PARAMETER = "format";

    private final String mediaType;

    MetricsFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The format asked for: {@code format=json|csv} if given, else CSV when the Accept header names {@code text/csv}
     * and not JSON, else JSON.
     *
     * @return null, with a problem added, when {@code format} names no format
     */
    public static MetricsFormat chosen(String format, String accept, List<String> problems) {
        if (format != null && !format.isBlank()) {
            try {
                return valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("query parameter '" + PARAMETER + "': '" + format + "' is not json or csv");
                return null;
            }
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return accepted.contains(CSV.mediaType) && !accepted.contains(JSON.mediaType) ? CSV : JSON;
    }
}
