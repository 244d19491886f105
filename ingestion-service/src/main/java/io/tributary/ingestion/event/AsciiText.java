package io.tributary.ingestion.event;

import java.nio.charset.StandardCharsets;

/**
 * A string value of a {@link RecordData} held as a range of ASCII bytes (the field of a row just read), so that it
 * becomes a {@code String} only when someone reads it; the event writer copies the bytes as they are. The bytes are
 * shared, not copied: they must not change afterwards.
 */
public final class AsciiText {

    private final byte[] bytes;
    private final int from;
    private final int to;
    private final boolean nothingToEscape;

    /**
     * @param bytes holds the text in {@code bytes[from..to)}, every byte of it below 0x80
     */
    public AsciiText(byte[] bytes, int from, int to) {
        this(bytes, from, to, false);
    }

    private AsciiText(byte[] bytes, int from, int to, boolean nothingToEscape) {
        if (from < 0 || to < from || to > bytes.length) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.nothingToEscape = nothingToEscape;
    }

    /**
     * Text known to hold nothing a JSON string escapes (no control char, quote or backslash), which whoever read it
     * found out already: the event writer copies it without looking.
     */
    public static AsciiText withNothingToEscape(byte[] bytes, int from, int to) {
        return new AsciiText(bytes, from, to, true);
    }

    boolean hasNothingToEscape() {
        return nothingToEscape;
    }

    byte[] bytes() {
        return bytes;
    }

    int from() {
        return from;
    }

    int length() {
        return to - from;
    }

    /** The text, as a new String. */
    @Override
    public String toString() {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
