package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The buffered reader gives the same records as the char-by-char one, whatever the text and however it arrives. */
class CsvReaderEquivalenceTest {

    private static final char[] ALPHABET = {'a', 'b', ' ', ',', ',', '"', '"', '\n', '\r', ';', '\'', 'é', '\uFEFF'};

    @Test
    void agreesOnRandomTextInRandomChunks() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 400 : 40);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            CsvFormat format = round % 3 == 0 ? new CsvFormat(';', '\'') : CsvFormat.RFC_4180;
            int chunk = 1 + random.nextInt(round % 2 == 0 ? 3 : 100);
            assertSame(text.toString(), format, chunk);
        }
    }

    @Test
    void agreesOnLongRecordsAcrossTheBuffer() throws IOException {
        String row = "1,\"a, \"\"quoted\"\" value\",plain,\"line\r\nbreak\",\"x\"tail,last\r\n";
        String text = "h1,h2,h3,h4,h5,h6\n" + row.repeat(5_000) + "\"" + "y".repeat(150_000) + "\"\r" + "z,\"open";
        for (int chunk : new int[]{1, 7, 4096, 65_536, 1 << 20}) {
            assertSame(text, CsvFormat.RFC_4180, chunk);
        }
    }

    @Test
    void agreesOnTheCsvCorpusAndTheSuperstoreFile() throws IOException {
        List<Path> files = new ArrayList<>(Corpora.csvSpectrum());
        files.add(Corpora.superstore());
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int chunk : new int[]{7, 65_536}) {
                assertSame(text, CsvFormat.RFC_4180, chunk);
            }
        }
    }

    private static void assertSame(String text, CsvFormat format, int chunk) throws IOException {
        CharByCharCsvReader expected = new CharByCharCsvReader(new Chunked(text, chunk), format);
        CsvReader actual = new CsvReader(new Chunked(text, chunk), format);
        List<CsvRecord> want = new ArrayList<>();
        List<CsvRecord> got = new ArrayList<>();
        for (CsvRecord r = expected.next(); r != null; r = expected.next()) {
            want.add(r);
        }
        for (CsvRecord r = actual.next(); r != null; r = actual.next()) {
            got.add(r);
        }
        assertEquals(want, got, () -> "text " + escape(text) + " in chunks of " + chunk);
    }

    private static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Hands out at most {@code chunk} chars a read. */
    private static final class Chunked extends Reader {
        private final Reader in;
        private final int chunk;

        Chunked(String text, int chunk) {
            this.in = new StringReader(text);
            this.chunk = chunk;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, chunk));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
