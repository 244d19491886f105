package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A reader that keeps the text it has handed out from a point its owner moves forward, so that the text of a JSON
 * element can be cut out as written once the parser is past it. It holds the current element plus the parser's read
 * ahead, and refuses to hold more than a limit (an element that large is reported instead of buffered).
 */
final class RetainingReader extends Reader {

    private final Reader in;
    private final int limit;
    private char[] held = new char[16 * 1024];
    /** The offset in the text of {@code held[0]}. */
    private long base;
    private int length;
    private long keepFrom;

    RetainingReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The text before {@code offset} is no longer needed. */
    void keepFrom(long offset) {
        keepFrom = Math.max(keepFrom, offset);
    }

    long keptFrom() {
        return keepFrom;
    }

    /** The text between two offsets, both at or after the last {@link #keepFrom} and at most what was read. */
    String text(long from, long to) {
        int start = (int) (from - base);
        int end = (int) (to - base);
        if (from < keepFrom || start < 0 || end > length || start > end) {
            throw new IllegalStateException("text [" + from + ", " + to + ") is not held; held [" + base + ", "
                    + (base + length) + "), kept from " + keepFrom);
        }
        return new String(held, start, end - start);
    }

    /**
     * The text from the last {@link #keepFrom} on, as much as was read and then more from the underlying reader, up to
     * {@code max} characters: the rest of a file whose parsing stopped, for the record that says why. Best effort: a
     * failure to read more ends the text.
     */
    String rest(int max) {
        int start = (int) Math.max(0, Math.min(length, keepFrom - base));
        StringBuilder rest = new StringBuilder(Math.min(max, Math.max(16, length - start)));
        rest.append(held, start, Math.min(length - start, max));
        char[] chunk = new char[8192];
        try {
            while (rest.length() < max) {
                int n = in.read(chunk, 0, Math.min(chunk.length, max - rest.length()));
                if (n < 0) {
                    break;
                }
                rest.append(chunk, 0, n);
            }
        } catch (IOException e) {
            // the text so far is all there is to show
        }
        return rest.toString();
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        int n = in.read(buffer, offset, count);
        if (n > 0) {
            hold(buffer, offset, n);
        }
        return n;
    }

    private void hold(char[] chars, int offset, int count) throws IOException {
        if (length + count > held.length) {
            int drop = (int) Math.max(0, Math.min(length, keepFrom - base));
            if (drop > 0) {
                System.arraycopy(held, drop, held, 0, length - drop);
                length -= drop;
                base += drop;
            }
            if (length + count > held.length) {
                if (length + count > limit) {
                    throw new ElementTooLargeException(limit);
                }
                held = Arrays.copyOf(held, Math.min(limit, Math.max(held.length * 2, length + count)));
            }
        }
        System.arraycopy(chars, offset, held, length, count);
        length += count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** One JSON element (with the parser's read-ahead) is longer than the reader may hold. */
    static final class ElementTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        ElementTooLargeException(int limit) {
            super("a JSON element is longer than " + limit + " characters");
        }
    }
}
