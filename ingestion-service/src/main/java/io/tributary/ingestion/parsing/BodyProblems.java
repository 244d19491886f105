package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a body of events unreadable as a whole, for a caller who waits for the answer and can send it again: every
 * record the reader could not read as JSON (a syntax error, a limit, damaged compression), each as "where: why". A
 * record that is valid JSON but no object is not among them: it is quarantined with its reason, as in a file.
 */
public final class BodyProblems {

    /** The most problems told; the rest are counted. */
    public static final int MAX = 20;

    private BodyProblems() {
    }

    /** The problems of the records the reader gives, at most {@link #MAX} and a count of the rest; reads it to its end. */
    public static List<String> of(RecordReader reader) throws IOException {
        return read(reader, 0).problems();
    }

    /**
     * A body read once, to its end: its problems, and its records when there are no more than were asked to be kept.
     *
     * @param problems as {@link #of}: empty when the body is events of its format
     * @param records every record of the body in order, or null when it holds more than were to be kept
     */
    public record Body(List<String> problems, List<SourceRecord> records) {
    }

    /**
     * Reads the body once: its problems, as {@link #of}, and its records when they are at most {@code keep}, so that
     * a small body need not be read again to be processed.
     */
    public static Body read(RecordReader reader, int keep) throws IOException {
        List<String> problems = new ArrayList<>();
        List<SourceRecord> kept = new ArrayList<>();
        long records = 0;
        long more = 0;
        for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
            records++;
            if (kept != null) {
                if (records <= keep) {
                    kept.add(record);
                } else {
                    kept = null;
                }
            }
            if (record.isReadable() || JsonErrorKind.of(record.error()) == JsonErrorKind.NOT_AN_OBJECT) {
                continue;
            }
            if (problems.size() < MAX) {
                problems.add(located(record));
            } else {
                more++;
            }
        }
        if (more > 0) {
            problems.add("and " + more + " more records: the same holds for them");
        }
        if (records == 0) {
            problems.add("line 1: the body holds no event; send a JSON object, an array of them, or NDJSON");
        }
        return new Body(problems, kept == null ? null : List.copyOf(kept));
    }

    /** The record's error as "where: why": its kind is said by the answer's detail. */
    static String located(SourceRecord record) {
        String error = record.error();
        JsonErrorKind kind = JsonErrorKind.of(error);
        if (kind != null) {
            String rest = error.substring(kind.prefix().length());
            if (rest.startsWith(" at ")) {
                return rest.substring(" at ".length());
            }
        }
        return "line " + record.position() + ": " + error;
    }
}
