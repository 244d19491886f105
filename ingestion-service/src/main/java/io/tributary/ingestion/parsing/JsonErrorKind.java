package io.tributary.ingestion.parsing;

/**
 * The kinds of error the JSON readers put on an unreadable record; each error text starts with its kind's prefix, so
 * that what the parser rejected is told from what it accepted but is not a record.
 */
public enum JsonErrorKind {

    /** The text is not JSON (RFC 8259): the parser rejected it; the message says where. */
    SYNTAX("JSON syntax error"),
    /** The text goes past a limit that keeps the service safe: nesting depth, a number's or a string's length. */
    LIMIT("JSON limit exceeded"),
    /** Valid JSON, but not a record: a record must be a JSON object. */
    NOT_AN_OBJECT("not a record");

    private final String prefix;

    JsonErrorKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The kind of a record's error, or null when the error is not one of these (or there is none). */
    public static JsonErrorKind of(String error) {
        if (error != null) {
            for (JsonErrorKind kind : values()) {
                if (error.startsWith(kind.prefix)) {
                    return kind;
                }
            }
        }
        return null;
    }
}
