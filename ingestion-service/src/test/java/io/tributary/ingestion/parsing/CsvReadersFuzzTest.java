package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided: the three readers of delimited text (char by char, buffered, from the bytes) read the same records
 * from any bytes, in any ASCII-compatible encoding and format, however the input arrives, and none of them throws.
 * Replays {@code CsvReadersFuzzTestInputs/} in every build; see {@code benchmarks/run-fuzz.sh} for long runs.
 */
class CsvReadersFuzzTest {

    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, TextDecoding.WINDOWS_1252,
            StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII};
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final char[] QUOTES = {'"', '\''};

    @FuzzTest
    @DictionaryEntries({"\"", "\"\"", ",", "\uFEFF", "\u00e9", "\u20ac"})
    void readersAgreeOnAnyBytes(FuzzedDataProvider data) throws IOException {
        Charset charset = CHARSETS[data.consumeInt(0, CHARSETS.length - 1)];
        // mostly the usual delimiters and quotes, sometimes any ASCII character
        char delimiter = data.consumeBoolean()
                ? DELIMITERS[data.consumeInt(0, DELIMITERS.length - 1)]
                : (char) data.consumeInt(0, 0x7f);
        char quote = data.consumeBoolean()
                ? QUOTES[data.consumeInt(0, QUOTES.length - 1)]
                : (char) data.consumeInt(0, 0x7f);
        CsvFormat format = new CsvFormat(delimiter, quote);
        boolean markToDrop = data.consumeBoolean();
        int chunk = data.consumeInt(1, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();

        List<CsvRecord> reference = readAll(
                new CharByCharCsvReader(text(bytes, charset, markToDrop, chunk), format)::next);
        List<CsvRecord> buffered = readAll(new CsvReader(text(bytes, charset, markToDrop, chunk), format)::next);
        assertEquals(reference, buffered, "the buffered reader");
        if (ByteCsvReader.handles(charset, format)) {
            List<CsvRecord> fromBytes = readAll(
                    ByteCsvReader.of(new ByteCsvReaderTest.Chunked(bytes, chunk), charset, format, markToDrop)::next);
            assertEquals(reference, fromBytes, "the byte reader");
        }
    }

    private interface Rows {
        CsvRecord next() throws IOException;
    }

    private static List<CsvRecord> readAll(Rows rows) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord record = rows.next(); record != null; record = rows.next()) {
            records.add(record);
        }
        return records;
    }

    private static Reader text(byte[] bytes, Charset charset, boolean markToDrop, int chunk) throws IOException {
        return new TextDecoding.EncodedText(new ByteCsvReaderTest.Chunked(bytes, chunk), charset, markToDrop).reader();
    }
}
