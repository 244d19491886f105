package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads delimited text straight from its bytes, for the encodings in which ASCII is ASCII and no byte of a non-ASCII
 * character looks like ASCII (UTF-8, windows-1252, ISO-8859-1, US-ASCII), with an ASCII delimiter and quote: the
 * records are the same as {@link CsvReader} reads from the decoded text, without decoding the bytes into chars and
 * compacting them back into strings.
 *
 * <p>
 * Delimiters, quotes and line ends are found in the bytes, and each field is cut out of them: in one copy when it is
 * ASCII, else decoded on its own. Decoding a field on its own gives what decoding the whole text gives, since what
 * surrounds it (a delimiter, a quote, a line end) is ASCII, and an ASCII byte ends any malformed sequence before it.
 * A field with doubled quotes is decoded without the second quote of each pair, the first still ending any malformed
 * sequence before it. The one exception is a field with text after its closing quote that is not all ASCII: its record
 * is decoded whole and read by {@link CsvReader}.
 */
final class ByteCsvReader {

    private static final int BUFFER = 64 * 1024;
    private static final Set<Charset> ASCII_COMPATIBLE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, TextDecoding.WINDOWS_1252);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = LOW_BITS * '"';
    private static final long BACKSLASHES = LOW_BITS * '\\';

    private final InputStream in;
    private final int maxRecord;
    private final CsvFormat format;
    private final byte delimiter;
    /** The delimiter, and the quote, in each byte of a long. */
    private final long delimiters;
    private final long quotes;
    private final byte quote;
    private final Charset charset;
    /** How many leading byte-order marks (UTF-8) are still to be dropped. */
    private int marks;
    private byte[] buffer;
    private int limit;
    private int position;
    private int recordStart;
    private boolean ended;
    private long line = 1;
    /** Where the current piece of a field starts in the buffer; moved along with the record when refilling. */
    private int mark;
    /** Non-zero when the current field holds a byte a JSON string escapes (a control char, quote or backslash). */
    private long toEscape;
    /** The bytes of the current record's fields OR-ed together: negative when one is not ASCII. */
    private int recordBytes;
    /** Whether the current record is read from its decoded text (a field with a doubled quote and non-ASCII text). */
    private boolean asText;
    /** The bytes of a field whose quotes are doubled or that goes on after its closing quote. */
    private byte[] piece = new byte[256];
    private int pieceLength;
    private final FieldsSoFar fields = new FieldsSoFar();

    /**
     * @param marks how many leading UTF-8 byte-order marks to drop: those the text decoding would drop, then the one
     *        {@link CsvReader} drops
     */
    private ByteCsvReader(InputStream in, Charset charset, CsvFormat format, int marks, int maxRecord) {
        this.in = in;
        this.maxRecord = maxRecord;
        this.buffer = new byte[Math.max(16, Math.min(BUFFER, maxRecord))];
        this.format = format;
        this.delimiter = (byte) format.delimiter();
        this.delimiters = LOW_BITS * format.delimiter();
        this.quotes = LOW_BITS * format.quote();
        this.quote = (byte) format.quote();
        this.charset = charset;
        this.marks = charset.equals(StandardCharsets.UTF_8) ? marks : 0;
    }

    /** Whether text in this encoding and format can be read from its bytes. */
    static boolean handles(Charset charset, CsvFormat format) {
        return ASCII_COMPATIBLE.contains(charset) && format.delimiter() < 0x80 && format.quote() < 0x80
                && !isLineEnd(format.delimiter()) && !isLineEnd(format.quote()) && format.delimiter() != format.quote();
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    /**
     * A reader of the text's bytes; {@code decodingDropsMark} says whether the text decoding of these bytes would drop
     * a leading byte-order mark itself (a declared encoding), besides the one {@link CsvReader} drops.
     */
    static ByteCsvReader of(InputStream in, Charset charset, CsvFormat format, boolean decodingDropsMark) {
        return of(in, charset, format, decodingDropsMark, ReadLimits.DEFAULT.recordChars());
    }

    /** As {@link #of(InputStream, Charset, CsvFormat, boolean)}, holding no record longer than {@code maxRecord} bytes. */
    static ByteCsvReader of(InputStream in, Charset charset, CsvFormat format, boolean decodingDropsMark,
            int maxRecord) {
        return new ByteCsvReader(in, charset, format, decodingDropsMark ? 2 : 1, maxRecord);
    }

    /** The next record, or null at the end of the input; as {@link CsvReader#next()}. */
    CsvRecord next() throws IOException {
        recordStart = position;
        while (marks > 0) {
            marks--;
            while (limit - position < 3 && fill()) {
                // the mark is three bytes
            }
            if (limit - position >= 3 && buffer[position] == (byte) 0xef && buffer[position + 1] == (byte) 0xbb
                    && buffer[position + 2] == (byte) 0xbf) {
                position += 3;
                recordStart = position;
            } else {
                marks = 0;
            }
        }
        if (position == limit && !fill()) {
            return null;
        }
        long startLine = line;
        recordBytes = 0;
        asText = false;
        fields.clear();
        while (true) {
            // at the start of a field
            if (position == limit && !fill()) {
                toEscape = 0;
                field(position, position, 0);
                return record(startLine, position);
            }
            if (buffer[position] == quote) {
                if (quotedField()) {
                    return ended(startLine);
                }
            } else if (plainField()) {
                return ended(startLine);
            }
        }
    }

    /** As {@link CsvReader}: an unquoted field, up to a delimiter (consumed), a line end or the end of the input. */
    private boolean plainField() throws IOException {
        mark = position;
        toEscape = 0;
        byte[] b = buffer;
        int p = position;
        int bytes = 0;
        while (true) {
            p = ordinaryBytes(b, p, limit, delimiters);
            if (p == limit) {
                position = p;
                if (!fill()) {
                    field(mark, position, bytes);
                    return true;
                }
                b = buffer;
                p = position;
            }
            byte c = b[p];
            if (c == delimiter) {
                field(mark, p, bytes);
                position = p + 1;
                return false;
            }
            if (c == '\n' || c == '\r') {
                field(mark, p, bytes);
                position = p;
                return true;
            }
            bytes |= c;
            toEscape |= escapedByte(c);
            p++;
        }
    }

    /**
     * The first position from {@code p} that holds anything but printable ASCII: the byte repeated in {@code stops}
     * (the delimiter, the quote), a control char (line ends among them), a quote or backslash (which JSON escapes), or
     * a byte that is not ASCII. Looks at eight bytes at a time while eight fit before {@code limit}; the last few are
     * left to the caller.
     */
    private static int ordinaryBytes(byte[] b, int p, int limit, long stops) {
        for (; p <= limit - Long.BYTES; p += Long.BYTES) {
            long word = (long) LONGS.get(b, p);
            long special = zeroBytes(word ^ stops) | zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES)
                    | lessThanSpace(word) | word & HIGH_BITS;
            if (special != 0) {
                // the lowest flagged byte is the first special one (a false flag can only follow a true one)
                return p + (Long.numberOfTrailingZeros(special) >>> 3);
            }
        }
        return p;
    }

    /** Non-zero when JSON escapes the byte: a control char, a quote or a backslash. */
    private static long escapedByte(byte c) {
        return c >= 0 && c < 0x20 || c == '"' || c == '\\' ? 1 : 0;
    }

    /** The high bit of each byte of {@code word} below 0x20 (and possibly of some bytes after one that is). */
    private static long lessThanSpace(long word) {
        return (word - LOW_BITS * 0x20) & ~word & HIGH_BITS;
    }

    /** The high bit of each byte of {@code word} that is zero, and possibly of some bytes after one that is. */
    private static long zeroBytes(long word) {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }

    /** As {@link CsvReader}: a field that opens with a quote, and what follows its closing quote. */
    private boolean quotedField() throws IOException {
        position++;
        mark = position;
        toEscape = 0;
        pieceLength = 0;
        boolean pieces = false;
        int bytes = 0;
        while (true) {
            position = ordinaryBytes(buffer, position, limit, quotes);
            if (position == limit && !fill()) {
                quoted(pieces, mark, position, bytes);
                return true;
            }
            byte c = buffer[position];
            if (c == quote) {
                position++;
                if (position == limit && !fill()) {
                    int end = position - 1;
                    quoted(pieces, mark, end, bytes);
                    return true;
                }
                int end = position - 1;
                byte after = buffer[position];
                if (after == quote) {
                    append(mark, position);
                    pieces = true;
                    position++;
                    mark = position;
                } else if (after == delimiter) {
                    quoted(pieces, mark, end, bytes);
                    position++;
                    return false;
                } else if (after == '\n' || after == '\r') {
                    quoted(pieces, mark, end, bytes);
                    return true;
                } else {
                    append(mark, end);
                    return tail(bytes);
                }
            } else {
                bytes |= c;
                toEscape |= escapedByte(c);
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

    /** As {@link CsvReader}: the rest of a field after its closing quote, quotes included. */
    private boolean tail(int bytes) throws IOException {
        mark = position;
        while (true) {
            if (position == limit && !fill()) {
                fields.string(pieced(mark, position, bytes, true));
                return true;
            }
            byte c = buffer[position];
            if (c == delimiter) {
                fields.string(pieced(mark, position, bytes, true));
                position++;
                return false;
            }
            if (c == '\n' || c == '\r') {
                fields.string(pieced(mark, position, bytes, true));
                return true;
            }
            bytes |= c;
            position++;
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        if (pieceLength + n > piece.length) {
            piece = Arrays.copyOf(piece, Math.max(piece.length * 2, pieceLength + n));
        }
        System.arraycopy(buffer, from, piece, pieceLength, n);
        pieceLength += n;
    }

    /** A quoted field: {@code buffer[from..to)}, after the pieces so far if there are any. */
    private void quoted(boolean pieces, int from, int to, int bytes) {
        if (pieces) {
            fields.string(pieced(from, to, bytes, false));
        } else {
            field(from, to, bytes);
        }
    }

    /** The field {@code buffer[from..to)}, whose bytes OR-ed together are {@code bytes}. */
    private void field(int from, int to, int bytes) {
        recordBytes |= bytes;
        if (bytes < 0) {
            fields.string(decode(from, to));
        } else {
            // ASCII bytes are their chars; where they are is kept from the record's start, which a refill moves
            fields.range(from - recordStart, to - recordStart, toEscape == 0);
        }
    }

    /**
     * The field made of the pieces so far and {@code buffer[from..to)}, {@code afterClosingQuote} when the last piece
     * is text after the field's closing quote.
     */
    @SuppressWarnings("deprecation")
    private String pieced(int from, int to, int bytes, boolean afterClosingQuote) {
        recordBytes |= bytes;
        if (bytes < 0) {
            if (afterClosingQuote) {
                // without the closing quote between them, decoded pieces could make characters the text has not
                asText = true;
                return "";
            }
            // each doubled quote leaves one quote, which still ends any malformed sequence before it
            append(from, to);
            return new String(piece, 0, pieceLength, charset);
        }
        append(from, to);
        return new String(piece, 0, 0, pieceLength);
    }

    /** The field {@code buffer[from..to)}, whose bytes OR-ed together are {@code bytes}. */
    @SuppressWarnings("deprecation")
    private String text(int from, int to, int bytes) {
        recordBytes |= bytes;
        if (from == to) {
            return "";
        }
        // ASCII bytes are their chars
        return bytes >= 0 ? new String(buffer, 0, from, to - from) : decode(from, to);
    }

    /** The record whose last field was just read; consumes its line end, if any. */
    private CsvRecord ended(long startLine) throws IOException {
        if (position == limit) {
            return record(startLine, position);
        }
        CsvRecord record = record(startLine, position);
        byte end = buffer[position++];
        if (end == '\r') {
            recordStart = position;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
        }
        line++;
        return record;
    }

    private CsvRecord record(long startLine, int end) throws IOException {
        if (asText) {
            return CsvReader.single(text(recordStart, end, recordBytes), format, startLine).next();
        }
        byte[] row = Arrays.copyOfRange(buffer, recordStart, end);
        return CsvRecord.ofRow(startLine, fields.of(row, recordBytes < 0 ? charset : null));
    }

    /** The fields of the record being read: ranges of its bytes, from its start, or strings. */
    private static final class FieldsSoFar {

        /** The bounds of each field, in an array of the size the last record needed, handed over when it fits. */
        private int[] bounds = new int[64];
        private String[] strings = new String[32];
        private int count;
        private boolean anyString;
        /** Bit i set when field i (of the first 64) holds nothing JSON escapes. */
        private long nothingToEscape;

        void clear() {
            count = 0;
            anyString = false;
            nothingToEscape = 0;
        }

        void range(int from, int to, boolean escapesNothing) {
            if (escapesNothing && count < Long.SIZE) {
                nothingToEscape |= 1L << count;
            }
            add(from, to, null);
        }

        void string(String field) {
            add(-1, -1, field);
            anyString = true;
        }

        private void add(int from, int to, String field) {
            if (count == strings.length) {
                strings = Arrays.copyOf(strings, count * 2);
            }
            if (2 * count == bounds.length) {
                bounds = Arrays.copyOf(bounds, Math.max(4 * count, 2));
            }
            bounds[2 * count] = from;
            bounds[2 * count + 1] = to;
            strings[count++] = field;
        }

        /** The fields, over the record's own copy of its bytes, which are in {@code charset} or all ASCII (null). */
        RowFields of(byte[] row, Charset charset) {
            int[] own = bounds;
            if (own.length == 2 * count) {
                // the next record is likely to need as many
                bounds = new int[own.length];
            } else {
                own = Arrays.copyOf(bounds, 2 * count);
                bounds = new int[2 * count];
            }
            return new RowFields(row, own, anyString ? Arrays.copyOf(strings, count) : null, nothingToEscape,
                    charset);
        }
    }

    /** Decoded as the text reader decodes: what is not valid in the encoding becomes U+FFFD. */
    private String decode(int from, int to) {
        return new String(buffer, from, to - from, charset);
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
                throw DamagedInputException.limit("a record is longer than " + maxRecord + " bytes",
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
