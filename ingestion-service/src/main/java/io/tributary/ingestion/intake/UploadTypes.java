package io.tributary.ingestion.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tributary.catalog.entity.SourceEntity;

/**
 * The Content-Types and Content-Encodings an upload may come with, by the source's format (decision 28): the types a
 * user or a tool would send for such a file, and the types that say nothing of the content (octet-stream, plain text,
 * gzip). Only a type that says the body is of another format is refused. Parameters ({@code ; charset=...}) and case
 * do not matter. A gzip body (by its type, its encoding, or its first bytes) is decompressed on reading.
 */
public final class UploadTypes {

    /** Types that say nothing of the format: taken for every source. */
    static final List<String> ANY = List.of("application/octet-stream", "text/plain", "application/gzip",
            "application/x-gzip");
    static final List<String> CSV = List.of("text/csv", "application/csv", "text/x-csv", "application/x-csv",
            "text/comma-separated-values", "text/tab-separated-values", "application/vnd.ms-excel");
    static final List<String> JSON = List.of("application/json", "text/json");
    static final List<String> NDJSON = List.of("application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonlines", "application/jsonlines", "application/json", "text/json");
    private static final Set<String> GZIP = Set.of("gzip", "x-gzip");

    private UploadTypes() {
    }

    /** The types a source of the format takes, those of its format first. */
    public static List<String> takes(SourceEntity.Format format) {
        List<String> types = new ArrayList<>(switch (format) {
            case CSV -> CSV;
            case JSON -> JSON;
            case NDJSON -> NDJSON;
        });
        types.addAll(ANY);
        return types;
    }

    /**
     * Why an upload of this Content-Type and Content-Encoding cannot be a file of the format, or null when it can: no
     * Content-Type is taken as octet-stream, a type ending in {@code +json} as JSON.
     */
    public static String refusal(SourceEntity.Format format, String contentType, String contentEncoding) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity") && !GZIP.contains(encoding)) {
            return "Content-Encoding '" + contentEncoding + "' is not read: send the file as it is, or gzip";
        }
        String type = essence(contentType);
        if (type.isEmpty() || takes(format).contains(type)) {
            return null;
        }
        if (type.endsWith("+json") && format != SourceEntity.Format.CSV) {
            return null;
        }
        String hint = switch (type) {
            case "application/x-www-form-urlencoded" -> " (the type curl sends unless told: add -H 'Content-Type: "
                    + takes(format).get(0) + "')";
            case "multipart/form-data" -> ": send the file itself as the body, not a form";
            default -> "";
        };
        return "Content-Type '" + type + "' is not " + format.name() + hint;
    }

    /** Whether the body is gzip by what its headers say. */
    public static boolean gzip(String contentType, String contentEncoding) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        String type = essence(contentType);
        return GZIP.contains(encoding) || type.equals("application/gzip") || type.equals("application/x-gzip");
    }

    /** The file name of an upload that gives none: {@code upload} with the format's extension, and {@code .gz}. */
    public static String defaultName(SourceEntity.Format format, boolean gzip) {
        return "upload." + format.name().toLowerCase(Locale.ROOT) + (gzip ? ".gz" : "");
    }

    /** The type without its parameters, in lower case; empty when there is none. */
    private static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
