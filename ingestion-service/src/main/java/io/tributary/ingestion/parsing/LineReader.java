package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;

/**
 * Physical lines of a text: a line ends at LF, CRLF or CR; a last line without a line end counts. A line longer than
 * a limit keeps its first {@code limit} characters and says it was cut, so one huge line cannot exhaust memory.
 */
final class LineReader {

    /** A line without its line end; {@code number} counts from 1. */
    record Line(long number, String text, boolean cut) {
    }

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int length;
    private long number;
    private boolean afterCarriageReturn;

    LineReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        line.setLength(0);
        boolean cut = false;
        boolean started = false;
        while (true) {
            if (position == length && !fill()) {
                return started ? new Line(++number, line.toString(), cut) : null;
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int end = position;
            while (end < length && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            int room = limit - line.length();
            int count = end - position;
            if (count > room) {
                line.append(buffer, position, room);
                cut = true;
            } else {
                line.append(buffer, position, count);
            }
            started = true;
            if (end < length) {
                afterCarriageReturn = buffer[end] == '\r';
                position = end + 1;
                return new Line(++number, line.toString(), cut);
            }
            position = end;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        length = Math.max(n, 0);
        return n > 0;
    }
}
