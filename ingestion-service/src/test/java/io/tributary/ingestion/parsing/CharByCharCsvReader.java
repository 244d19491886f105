package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The first reader of delimited text, one char at a time: the reference {@link CsvReader} must agree with.
 *
 * A streaming reader of delimited text as RFC 4180 describes it and as files are found in the wild: quoted fields
 * holding delimiters, quotes and line breaks; CRLF, LF or CR line ends; a leading byte-order mark. It never fails on
 * content: a quote left open at the end of the file yields the rest of the file as the last field, and the record's
 * raw text lets the caller quarantine it.
 */
final class CharByCharCsvReader {

    private static final int EOF = -1;
    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final CsvFormat format;
    private final char[] buffer = new char[BUFFER];
    private int length;
    private int position;
    private long line = 1;
    private boolean started;
    private final StringBuilder field = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();

    CharByCharCsvReader(Reader in, CsvFormat format) {
        this.in = in;
        this.format = format;
    }

    /** The next record, or null at the end of the input. Empty lines are records with one empty field. */
    public CsvRecord next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == EOF) {
            return null;
        }
        long startLine = line;
        raw.setLength(0);
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (c == EOF) {
                fields.add(field.toString());
                return new CsvRecord(startLine, fields, raw.toString());
            }
            if (quoted) {
                if (c == format.quote()) {
                    int after = peek();
                    if (after == format.quote()) {
                        raw.append((char) c);
                        read();
                        raw.append((char) after);
                        field.append((char) after);
                    } else {
                        raw.append((char) c);
                        quoted = false;
                    }
                } else {
                    countLineBreak(c);
                    raw.append((char) c);
                    field.append((char) c);
                }
            } else if (c == format.quote() && fieldStart) {
                raw.append((char) c);
                quoted = true;
                fieldStart = false;
            } else if (c == format.delimiter()) {
                raw.append((char) c);
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                return new CsvRecord(startLine, fields, raw.toString());
            } else {
                raw.append((char) c);
                field.append((char) c);
                fieldStart = false;
            }
            c = read();
        }
    }

    private void countLineBreak(int c) throws IOException {
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
            line++;
        }
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        length = in.read(buffer, 0, BUFFER);
        position = 0;
        if (length <= 0) {
            length = 0;
            return false;
        }
        return true;
    }
}
