package io.tributary.ingestion.event;

/**
 * The fields of a row held as ASCII bytes (a row just read), in which a {@link RecordData} can leave its string values:
 * they become {@code String}s only when someone reads them, and the event writer copies their bytes as they are. The
 * bytes must not change afterwards.
 */
public interface AsciiFields {

    /** The bytes the fields are ranges of: not to be changed. */
    byte[] bytes();

    /** Where an ASCII field starts in {@link #bytes()}. */
    int from(int field);

    /** Where an ASCII field ends in {@link #bytes()}. */
    int to(int field);

    /** Whether the field is known to hold nothing a JSON string escapes: no control char, quote or backslash. */
    boolean escapesNothing(int field);

    /** The field as a {@code String}. */
    String text(int field);
}
