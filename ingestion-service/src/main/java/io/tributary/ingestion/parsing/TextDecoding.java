package io.tributary.ingestion.parsing;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns a stored file's bytes into text, as a stream: nothing here holds more than a 64 KiB sample of the file.
 * <ul>
 * <li><b>Compression</b>: a file that starts with the gzip magic bytes {@code 1f 8b} is decompressed, whatever the
 * source's format. Damaged or truncated gzip data surfaces as {@link DamagedInputException}.</li>
 * <li><b>Declared encoding</b>: taken as declared; bytes that are not valid in it become U+FFFD and reading goes on; a
 * leading U+FEFF (a byte-order mark) is dropped.</li>
 * <li><b>Detected encoding</b> (no encoding declared, or {@code auto}), in this order:
 * <ol>
 * <li>a byte-order mark, which is dropped: UTF-8 ({@code EF BB BF}), UTF-32BE ({@code 00 00 FE FF}), UTF-32LE
 * ({@code FF FE 00 00}), UTF-16BE ({@code FE FF}), UTF-16LE ({@code FF FE});</li>
 * <li>UTF-16 without a mark, when the first four bytes alternate zero and non-zero bytes ({@code 00 x 00 y} is
 * big-endian, {@code x 00 y 00} little-endian): text in any 8-bit encoding holds no zero bytes;</li>
 * <li>UTF-8 when the first 64 KiB are strictly valid UTF-8 (a multi-byte sequence cut by the end of the sample, not
 * by the end of the file, counts as valid);</li>
 * <li>else windows-1252, the encoding of text exported on Western-European Windows systems (a superset of the
 * printable ISO-8859-1).</li>
 * </ol>
 * Detection looks at the sample only: a file that is plain ASCII for its first 64 KiB and windows-1252 after it reads
 * as UTF-8, with U+FFFD for the bytes that are not UTF-8. Such a source should declare its encoding.</li>
 * </ul>
 */
public final class TextDecoding {

    /** How many bytes detection looks at. */
    public static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final int GZIP_BUFFER = 64 * 1024;

    private TextDecoding() {
    }

    /** What detection found: the encoding, and how many bytes of byte-order mark precede the text. */
    public record Detected(Charset charset, int markLength) {
    }

    /**
     * The bytes of the file, decompressed when they are gzip: past {@link ReadLimits#gzipBytes()} decompressed bytes,
     * or {@link ReadLimits#gzipRatio()} decompressed bytes per compressed byte (past {@link ReadLimits#GZIP_ALLOWANCE}),
     * reading stops with a {@link DamagedInputException} that names the limit.
     */
    public static InputStream decompressed(InputStream in, ReadLimits limits) throws IOException {
        Counted compressed = new Counted(in);
        PushbackInputStream peek = new PushbackInputStream(compressed, 2);
        byte[] magic = new byte[2];
        int n = readFully(peek, magic, 2);
        if (n > 0) {
            peek.unread(magic, 0, n);
        }
        if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            try {
                return new GzipContent(new GZIPInputStream(peek, GZIP_BUFFER), compressed, limits);
            } catch (ZipException | EOFException e) {
                throw DamagedInputException.gzip(e);
            }
        }
        return peek;
    }

    /** The text of the bytes, in the declared encoding, or in the detected one when {@code declared} is null. */
    public static Reader reader(InputStream in, Charset declared) throws IOException {
        return encoded(in, declared).reader();
    }

    /**
     * The bytes of the text and their encoding, for a reader that works on the bytes: a detected byte-order mark is
     * already skipped; {@code markToDrop} says whether a leading one is still to be dropped (a declared encoding).
     */
    public record EncodedText(InputStream bytes, Charset charset, boolean markToDrop) {

        /** The text, decoded leniently: bytes that are not valid in the encoding become U+FFFD. */
        public Reader reader() throws IOException {
            Reader reader = new InputStreamReader(bytes, lenient(charset));
            return markToDrop ? skipLeadingMark(reader) : reader;
        }
    }

    /** The bytes of the text, with the declared encoding, or the detected one when {@code declared} is null. */
    public static EncodedText encoded(InputStream in, Charset declared) throws IOException {
        if (declared != null) {
            return new EncodedText(in, declared, true);
        }
        byte[] sample = new byte[SAMPLE_BYTES];
        int n = readFully(in, sample, sample.length);
        Detected detected = detect(sample, Math.max(n, 0), n < sample.length);
        int mark = detected.markLength();
        InputStream text = new SequenceInputStream(new ByteArrayInputStream(sample, mark, Math.max(n, 0) - mark), in);
        return new EncodedText(text, detected.charset(), false);
    }

    /**
     * The encoding of text that starts with {@code sample[0..length)}.
     *
     * @param complete whether the sample is the whole file (a multi-byte sequence cut at its end is then invalid)
     */
    public static Detected detect(byte[] sample, int length, boolean complete) {
        int b0 = length > 0 ? sample[0] & 0xff : -1;
        int b1 = length > 1 ? sample[1] & 0xff : -1;
        int b2 = length > 2 ? sample[2] & 0xff : -1;
        int b3 = length > 3 ? sample[3] & 0xff : -1;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xfe && b3 == 0xff) {
            return new Detected(UTF_32BE, 4);
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0x00 && b3 == 0x00) {
            return new Detected(UTF_32LE, 4);
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 4) {
            if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
                return new Detected(StandardCharsets.UTF_16BE, 0);
            }
            if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
                return new Detected(StandardCharsets.UTF_16LE, 0);
            }
        }
        return new Detected(isUtf8(sample, length, complete) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /** Whether the bytes are strictly valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
    static boolean isUtf8(byte[] bytes, int length, boolean complete) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = strict.decode(ByteBuffer.wrap(bytes, 0, length), CharBuffer.allocate(length), complete);
        // with complete == false, a sequence cut at the end of the sample is left unread: an underflow, not an error
        return !result.isError();
    }

    private static CharsetDecoder lenient(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static Reader skipLeadingMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static int readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** A stream that counts the bytes read from it. */
    private static final class Counted extends FilterInputStream {

        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /**
     * Gzip content whose damage (a bad block, a truncated stream, a wrong checksum) is reported as such, and which
     * stops at the limits of decompressed size and ratio.
     */
    private static final class GzipContent extends FilterInputStream {

        private final Counted compressed;
        private final ReadLimits limits;
        private long decompressed;

        GzipContent(InputStream gzip, Counted compressed, ReadLimits limits) {
            super(gzip);
            this.compressed = compressed;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw DamagedInputException.gzip(e);
            }
            if (n > 0) {
                decompressed += n;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        private void check() throws DamagedInputException {
            if (decompressed > limits.gzipBytes()) {
                throw DamagedInputException.limit("the gzip content decompresses into more than " + limits.gzipBytes()
                        + " bytes", ReadLimits.GZIP_SIZE, limits.gzipBytes());
            }
            if (decompressed > ReadLimits.GZIP_ALLOWANCE
                    && decompressed / Math.max(1, compressed.count) >= limits.gzipRatio()) {
                throw DamagedInputException.limit("the gzip content decompresses into " + decompressed
                        + " bytes from " + compressed.count + " compressed bytes, more than " + limits.gzipRatio()
                        + " times as many", ReadLimits.GZIP_RATIO, limits.gzipRatio());
            }
        }
    }
}
