package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming reader of delimited text as RFC 4180 describes it and as files are found in the wild: quoted fields
 * holding delimiters, quotes and line breaks; CRLF, LF or CR line ends; a leading byte-order mark. It never fails on
 * content: a quote left open at the end of the file yields the rest of the file as the last field, and the record's
 * raw text lets the caller quarantine it.
 *
 * <p>
 * The text is scanned in a char buffer that always holds the current record from its first character: an unquoted
 * field, a quoted field without doubled quotes, and the record's raw text are each cut out of the buffer in one copy.
 * A record longer than the buffer grows it.
 */
public final class CsvReader {

    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final int maxRecord;
    private final char delimiter;
    private final char quote;
    private char[] buffer;
    /** The chars read are {@code buffer[0..limit)}; the next one to look at is {@code buffer[position]}. */
    private int limit;
    private int position;
    /** Where the current record starts in the buffer; refilling keeps everything from here on. */
    private int recordStart;
    /** Where the current piece of a field starts in the buffer; moved along with the record when refilling. */
    private int mark;
    private boolean ended;
    private long line = 1;
    private boolean started;
    private int lastFieldCount = 8;
    private final StringBuilder field = new StringBuilder();

    public CsvReader(Reader in, CsvFormat format) {
        this(in, format, ReadLimits.DEFAULT.recordChars());
    }

    /**
     * A reader that holds no record longer than {@code maxRecord} characters: one longer ends the reading with a
     * {@link DamagedInputException}, since where it ends cannot be known without reading it.
     */
    public CsvReader(Reader in, CsvFormat format, int maxRecord) {
        this(in, format, Math.max(16, Math.min(BUFFER, maxRecord)), maxRecord);
    }

    private CsvReader(Reader in, CsvFormat format, int buffer, int maxRecord) {
        this.in = in;
        this.maxRecord = maxRecord;
        this.buffer = new char[buffer];
        this.delimiter = format.delimiter();
        this.quote = format.quote();
    }

    /**
     * A reader of text that is the middle of a file, starting on the given line: it has no byte-order mark to drop.
     */
    static CsvReader single(String text, CsvFormat format, long line) {
        CsvReader reader = new CsvReader(new StringReader(text), format, Math.max(16, text.length()),
                Integer.MAX_VALUE);
        reader.started = true;
        reader.line = line;
        return reader;
    }

    /** The next record, or null at the end of the input. Empty lines are records with one empty field. */
    public CsvRecord next() throws IOException {
        recordStart = position;
        if (position == limit && !fill()) {
            return null;
        }
        if (!started) {
            started = true;
            if (buffer[position] == '\uFEFF') {
                position++;
                recordStart = position;
                if (position == limit && !fill()) {
                    return null;
                }
            }
        }
        long startLine = line;
        List<String> fields = new ArrayList<>(lastFieldCount);
        while (true) {
            // at the start of a field
            if (position == limit && !fill()) {
                fields.add("");
                return record(startLine, fields, position);
            }
            if (buffer[position] == quote) {
                if (quotedField(fields)) {
                    return ended(startLine, fields);
                }
            } else if (plainField(fields)) {
                return ended(startLine, fields);
            }
            // a delimiter ended the field: the next one starts after it
        }
    }

    /**
     * Reads an unquoted field up to a delimiter (consumed), a line end or the end of the input (both left for
     * {@link #ended}); returns whether the record ended with it.
     */
    private boolean plainField(List<String> fields) throws IOException {
        mark = position;
        char[] buf = buffer;
        int p = position;
        while (true) {
            if (p == limit) {
                position = p;
                if (!fill()) {
                    fields.add(new String(buffer, mark, position - mark));
                    return true;
                }
                buf = buffer;
                p = position;
            }
            char c = buf[p];
            if (c == delimiter) {
                fields.add(new String(buf, mark, p - mark));
                position = p + 1;
                return false;
            }
            if (c == '\n' || c == '\r') {
                fields.add(new String(buf, mark, p - mark));
                position = p;
                return true;
            }
            p++;
        }
    }

    /**
     * Reads a field that opens with a quote: its quoted part, where doubled quotes stand for one and delimiters and line
     * breaks are content, and whatever follows the closing quote up to a delimiter (consumed), a line end or the end
     * of the input (both left for {@link #ended}); returns whether the record ended with it.
     */
    private boolean quotedField(List<String> fields) throws IOException {
        position++;
        mark = position;
        field.setLength(0);
        boolean pieces = false;
        while (true) {
            if (position == limit && !fill()) {
                // a quote left open: the rest of the input is the field
                fields.add(pieces ? field.append(buffer, mark, position - mark).toString() : text(mark, position));
                return true;
            }
            char c = buffer[position];
            if (c == quote) {
                position++;
                // (filling may move the record to the start of the buffer: the closing quote is always just before
                // position)
                if (position == limit && !fill()) {
                    int end = position - 1;
                    fields.add(pieces ? field.append(buffer, mark, end - mark).toString() : text(mark, end));
                    return true;
                }
                int end = position - 1;
                char after = buffer[position];
                if (after == quote) {
                    field.append(buffer, mark, position - mark);
                    pieces = true;
                    position++;
                    mark = position;
                } else if (after == delimiter) {
                    fields.add(pieces ? field.append(buffer, mark, end - mark).toString() : text(mark, end));
                    position++;
                    return false;
                } else if (after == '\n' || after == '\r') {
                    fields.add(pieces ? field.append(buffer, mark, end - mark).toString() : text(mark, end));
                    return true;
                } else {
                    field.append(buffer, mark, end - mark);
                    return tail(fields);
                }
            } else {
                if (c == '\n') {
                    line++;
                } else if (c == '\r') {
                    if (position + 1 == limit) {
                        fill();
                    }
                    if (position + 1 == limit || buffer[position + 1] != '\n') {
                        line++;
                    }
                }
                position++;
            }
        }
    }

    /**
     * The rest of a field after its closing quote, taken as written (quotes included) up to a delimiter (consumed), a
     * line end or the end of the input; appended to the field's text so far.
     */
    private boolean tail(List<String> fields) throws IOException {
        mark = position;
        while (true) {
            if (position == limit && !fill()) {
                fields.add(field.append(buffer, mark, position - mark).toString());
                return true;
            }
            char c = buffer[position];
            if (c == delimiter) {
                fields.add(field.append(buffer, mark, position - mark).toString());
                position++;
                return false;
            }
            if (c == '\n' || c == '\r') {
                fields.add(field.append(buffer, mark, position - mark).toString());
                return true;
            }
            position++;
        }
    }

    /** The record whose last field was just read; consumes its line end, if any. */
    private CsvRecord ended(long startLine, List<String> fields) throws IOException {
        if (position == limit) {
            return record(startLine, fields, position);
        }
        CsvRecord record = record(startLine, fields, position);
        char end = buffer[position++];
        if (end == '\r') {
            recordStart = position;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
        }
        line++;
        return record;
    }

    private CsvRecord record(long startLine, List<String> fields, int end) {
        lastFieldCount = Math.max(lastFieldCount, fields.size());
        return new CsvRecord(startLine, fields, text(recordStart, end));
    }

    private String text(int from, int to) {
        return from == to ? "" : new String(buffer, from, to - from);
    }

    /**
     * Reads more input after {@code limit}, first moving the current record to the start of the buffer (and the
     * positions in it along), or growing the buffer when the record fills it. Returns false at the end of the input.
     */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (recordStart > 0) {
            int shift = recordStart;
            System.arraycopy(buffer, shift, buffer, 0, limit - shift);
            limit -= shift;
            position -= shift;
            mark -= shift;
            recordStart = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= maxRecord) {
                throw DamagedInputException.limit("a record is longer than " + maxRecord + " characters",
                        ReadLimits.RECORD_SIZE, maxRecord);
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxRecord));
        }
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - limit);
        } while (n == 0);
        if (n < 0) {
            ended = true;
            return false;
        }
        limit += n;
        return true;
    }
}
