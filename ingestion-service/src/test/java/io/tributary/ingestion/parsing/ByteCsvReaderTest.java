package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Reading the bytes gives the records that reading the decoded text gives, whatever the bytes and their chunks. */
class ByteCsvReaderTest {

    private static final int[] ALPHABET = {'a', 'b', ' ', ',', ',', ',', '"', '"', '\n', '\r', ';', '\'', 0xc3, 0xa9,
            0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xef, 0xbb, 0xbf, 0x81};

    @Test
    void agreesWithTheTextReaderOnRandomBytes() throws IOException {
        Random random = new Random(5);
        for (int round = 0; round < 30_000; round++) {
            int length = random.nextInt(round % 10 == 0 ? 300 : 30);
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) ALPHABET[random.nextInt(random.nextInt(4) == 0 ? ALPHABET.length : 12)];
            }
            if (round % 7 == 0) {
                bytes = withMarks(bytes, 1 + random.nextInt(3));
            }
            Charset charset = round % 4 == 0 ? TextDecoding.WINDOWS_1252 : StandardCharsets.UTF_8;
            CsvFormat format = round % 3 == 0 ? new CsvFormat(';', '\'') : CsvFormat.RFC_4180;
            assertSame(bytes, charset, format, random.nextBoolean(), 1 + random.nextInt(round % 2 == 0 ? 4 : 64));
        }
    }

    @Test
    void agreesOnLongRecordsAcrossTheBuffer() throws IOException {
        String row = "1,\"a, \"\"quoted\"\" value\",plain,\"line\r\nbreak\",\"x\"tail,café,\"€\",last\r\n2,b,\"c\"\n";
        String text = "\uFEFFh1,h2,h3,h4,h5,h6,h7,h8\n" + row.repeat(5_000) + "\"" + "y".repeat(150_000) + "\"\r"
                + "z".repeat(70_000) + ",\"open";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[]{1, 7, 4096, 65_536, 1 << 20}) {
            assertSame(bytes, StandardCharsets.UTF_8, CsvFormat.RFC_4180, true, chunk);
            assertSame(bytes, StandardCharsets.UTF_8, CsvFormat.RFC_4180, false, chunk);
        }
    }

    @Test
    void agreesWithTheTextReaderOnTheCsvCorpusAndTheSuperstoreFile() throws IOException {
        List<Path> files = new ArrayList<>(Corpora.csvSpectrum());
        files.add(Corpora.superstore());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (int chunk : new int[]{7, 65_536}) {
                assertSame(bytes, StandardCharsets.UTF_8, CsvFormat.RFC_4180, false, chunk);
                assertSame(bytes, TextDecoding.WINDOWS_1252, CsvFormat.RFC_4180, false, chunk);
            }
        }
    }

    @Test
    void takesAsciiCompatibleEncodingsAndFormatsOnly() {
        assertTrue(ByteCsvReader.handles(StandardCharsets.UTF_8, CsvFormat.RFC_4180));
        assertTrue(ByteCsvReader.handles(TextDecoding.WINDOWS_1252, new CsvFormat('\t', '"')));
        assertFalse(ByteCsvReader.handles(StandardCharsets.UTF_16LE, CsvFormat.RFC_4180));
        assertFalse(ByteCsvReader.handles(StandardCharsets.UTF_8, new CsvFormat('§', '"')));
        assertFalse(ByteCsvReader.handles(StandardCharsets.UTF_8, new CsvFormat(',', ',')));
    }

    private static byte[] withMarks(byte[] bytes, int marks) {
        byte[] marked = new byte[bytes.length + 3 * marks];
        for (int i = 0; i < marks; i++) {
            marked[3 * i] = (byte) 0xef;
            marked[3 * i + 1] = (byte) 0xbb;
            marked[3 * i + 2] = (byte) 0xbf;
        }
        System.arraycopy(bytes, 0, marked, 3 * marks, bytes.length);
        return marked;
    }

    private static void assertSame(byte[] bytes, Charset charset, CsvFormat format, boolean markToDrop, int chunk)
            throws IOException {
        CsvReader text = new CsvReader(
                new TextDecoding.EncodedText(new Chunked(bytes, chunk), charset, markToDrop).reader(), format);
        ByteCsvReader raw = ByteCsvReader.of(new Chunked(bytes, chunk), charset, format, markToDrop);
        List<CsvRecord> want = new ArrayList<>();
        List<CsvRecord> got = new ArrayList<>();
        for (CsvRecord r = text.next(); r != null; r = text.next()) {
            want.add(r);
        }
        for (CsvRecord r = raw.next(); r != null; r = raw.next()) {
            got.add(r);
        }
        assertEquals(want, got, () -> "bytes " + hex(bytes) + " in " + charset + ", chunks of " + chunk
                + ", mark to drop " + markToDrop);
        for (CsvRecord record : got) {
            if (record.fields() instanceof RowFields fields) {
                for (int i = 0; i < Math.min(fields.size(), Long.SIZE); i++) {
                    boolean plain = fields.isAscii(i) && fields.get(i).chars().allMatch(c -> c >= 0x20 && c != '"'
                            && c != '\\');
                    assertEquals(plain, fields.escapesNothing(i), () -> "bytes " + hex(bytes));
                }
            }
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x ", b & 0xff));
        }
        return text.toString();
    }

    /** Hands out at most {@code chunk} bytes a read. */
    static final class Chunked extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(length, chunk));
        }
    }
}
