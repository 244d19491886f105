package io.tributary.ingestion.parsing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.RandomAccess;

import io.tributary.ingestion.event.AsciiFields;

/**
 * The fields of one delimited row read from its bytes ({@link ByteCsvReader}): a copy of the row's bytes, and where
 * each field lies in it. A field of ASCII bytes is made a {@code String} only the first time it is asked for, so that
 * a check can read it from the bytes instead; a field that is not a plain range of ASCII bytes (decoded text, doubled
 * quotes) is held as its {@code String} from the start. Read-only; equal to any list of the same strings.
 *
 * <p>
 * As {@link AsciiFields}, the row can hold the string values of the record checked from it, until they are read.
 */
public final class RowFields extends AbstractList<String> implements RandomAccess, AsciiFields {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    /** For each field, where it starts and ends in {@link #bytes}; -1 for a field held as a {@code String} only. */
    private final int[] bounds;
    /** The fields made or given as strings so far; null until there is one. */
    private String[] strings;
    /** Bit i set when field i (of the first 64) is ASCII without a control char, quote or backslash. */
    private final long nothingToEscape;
    /** The encoding of the row's bytes, or null when they are all ASCII. */
    private final Charset charset;

    /**
     * @param bytes the row's bytes, without its line end; not copied
     * @param bounds start and end of each field in {@code bytes}, -1 and -1 for a field given in {@code strings}
     * @param strings the fields that are not a range of ASCII bytes, null for the others, or null when there are none;
     *        not copied
     * @param nothingToEscape bit i set when field i (of the first 64) is ASCII without a control char, quote or
     *        backslash
     * @param charset the encoding of {@code bytes}, or null when they are all ASCII
     */
    RowFields(byte[] bytes, int[] bounds, String[] strings, long nothingToEscape, Charset charset) {
        this.bytes = bytes;
        this.bounds = bounds;
        this.strings = strings;
        this.nothingToEscape = nothingToEscape;
        this.charset = charset;
    }

    @Override
    public String get(int index) {
        if (strings == null) {
            strings = new String[size()];
        }
        String field = strings[index];
        if (field == null) {
            int from = bounds[2 * index];
            field = new String(bytes, from, bounds[2 * index + 1] - from, StandardCharsets.ISO_8859_1);
            strings[index] = field;
        }
        return field;
    }

    @Override
    public int size() {
        return bounds.length / 2;
    }

    /** Whether the field is a range of ASCII bytes, {@link #bytes()} from {@link #from} to {@link #to}. */
    public boolean isAscii(int index) {
        return bounds[2 * index] >= 0;
    }

    /**
     * Whether the field is known to be ASCII without anything a JSON string escapes (a control char, a quote or a
     * backslash): its bytes are its JSON string's. False says nothing for fields past the 64th.
     */
    @Override
    public boolean escapesNothing(int index) {
        return index < Long.SIZE && (nothingToEscape >>> index & 1) != 0;
    }

    /** The row's bytes: not to be changed. */
    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int from(int index) {
        return bounds[2 * index];
    }

    @Override
    public int to(int index) {
        return bounds[2 * index + 1];
    }

    @Override
    public String text(int index) {
        return get(index);
    }

    /** Whether the row's bytes are all ASCII: each is then a char of its raw text. */
    public boolean isAsciiText() {
        return charset == null;
    }

    /**
     * Whether the row holds a zero byte: its raw text then holds the NUL character (U+0000), which in the encodings
     * read from bytes comes from that byte alone.
     */
    boolean containsNul() {
        int i = 0;
        for (; i <= bytes.length - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            if (((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The row's text as it appeared (its raw text), decoded as the text reader decodes. */
    String text() {
        return new String(bytes, charset == null ? StandardCharsets.ISO_8859_1 : charset);
    }

    boolean textIsEmpty() {
        return bytes.length == 0;
    }
}
