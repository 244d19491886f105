package io.tributary.ingestion.parsing;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** What the JSON readers share: the parser factory with its limits, and the wording of their errors. */
final class JsonSupport {

    /** The longest number literal, in characters. */
    static final int MAX_NUMBER_LENGTH = 1000;
    /** The longest string (or field name), in characters. */
    static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    /** The most raw text an unreadable record carries. */
    static final int MAX_RAW_LENGTH = 64 * 1024;

    private static final Pattern ENABLE_FEATURE = Pattern.compile("[:;,]? *enable `[A-Za-z_.]+` to allow");
    private static final Pattern REDACTED_SOURCE = Pattern.compile("\\[Source: REDACTED \\([^)]*\\); ");

    private static final JsonFactory DEFAULT_FACTORY = factory(ReadLimits.DEFAULT.jsonDepth());

    private JsonSupport() {
    }

    /**
     * The parser factory of the limits: objects and arrays nested deeper than {@link ReadLimits#jsonDepth()} make the
     * element unreadable (and keep the stack small).
     */
    static JsonFactory factory(ReadLimits limits) {
        return limits.jsonDepth() == ReadLimits.DEFAULT.jsonDepth() ? DEFAULT_FACTORY : factory(limits.jsonDepth());
    }

    private static JsonFactory factory(int depth) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(depth)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_STRING_LENGTH)
                        .build())
                .build();
    }

    /**
     * Why the parser stopped, as a record's error.
     *
     * @param line the line to report, or 0 for the parser's own line (an NDJSON line is parsed on its own, as line 1)
     */
    static String error(JsonProcessingException e, JsonParser parser, long line, ReadLimits limits) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String where = " at line " + (line > 0 ? line : at.getLineNr()) + ", column " + at.getColumnNr() + ": ";
        if (e instanceof StreamConstraintsException) {
            String message = e.getOriginalMessage();
            if (message != null && message.contains("nesting depth")) {
                message = "objects and arrays are nested deeper than " + limits.jsonDepth() + " levels "
                        + ReadLimits.exceeded(ReadLimits.JSON_DEPTH, limits.jsonDepth());
            }
            return JsonErrorKind.LIMIT.prefix() + where + message;
        }
        return JsonErrorKind.SYNTAX.prefix() + where + plain(e.getOriginalMessage());
    }

    /** The parser's message without its advice on parser settings and its placeholder for the source's name. */
    static String plain(String message) {
        if (message == null) {
            return "the text is not JSON";
        }
        return REDACTED_SOURCE.matcher(ENABLE_FEATURE.matcher(message).replaceAll("")).replaceAll("[")
                .replace(" (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
                        ", and JSON has no comments");
    }

    /** An exception the parser was not expected to throw, as a record's error: the reader stops at a limit of its own. */
    static String unexpected(RuntimeException e, JsonParser parser, long line) {
        JsonLocation at = parser.currentLocation();
        return JsonErrorKind.LIMIT.prefix() + " at line " + (line > 0 ? line : at.getLineNr()) + ", column "
                + at.getColumnNr() + ": the parser stopped (" + e + ")";
    }

    /** The error of text after the end of the one value a file (or an NDJSON line) may hold. */
    static String trailing(JsonParser parser, long line) {
        JsonLocation at = parser.currentTokenLocation();
        return JsonErrorKind.SYNTAX.prefix() + " at line " + (line > 0 ? line : at.getLineNr()) + ", column "
                + at.getColumnNr() + ": " + describe(parser.currentToken())
                + " after the end of the JSON value, where only one value is allowed";
    }

    static String tooLong(long line, String what, ReadLimits limits) {
        return JsonErrorKind.LIMIT.prefix() + " at line " + line + ": " + what + " is longer than "
                + limits.recordChars() + " characters " + ReadLimits.exceeded(ReadLimits.RECORD_SIZE, limits.recordChars());
    }

    static String notAnObject(JsonToken found, String where) {
        return JsonErrorKind.NOT_AN_OBJECT.prefix() + ": a record must be a JSON object; " + where + " is "
                + describe(found);
    }

    /** At most {@link #MAX_RAW_LENGTH} characters of a text. */
    static String capped(String raw) {
        return raw.length() <= MAX_RAW_LENGTH ? raw : raw.substring(0, MAX_RAW_LENGTH);
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() != null ? "'" + token.asString() + "'" : token.name();
        };
    }
}
