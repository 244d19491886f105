package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tributary.catalog.entity.SourceEntity.Format;

/**
 * Coverage-guided: a file of any bytes, in any format with any options a source may set, plain or gzipped (whole or
 * cut short), is read to its end as records; damaged input becomes an unreadable record, never an exception.
 * Replays {@code RecordReadersFuzzTestInputs/} in every build.
 */
class RecordReadersFuzzTest {

    private static final String[] ENCODINGS = {"auto", "UTF-8", "windows-1252", "ISO-8859-1", "US-ASCII", "UTF-16",
            "UTF-16LE", "UTF-16BE", "UTF-32"};
    private static final String[] CHARACTERS = {",", ";", "tab", "|", "\"", "'"};

    @FuzzTest
    void anyFileInAnyFormatIsReadToItsEnd(FuzzedDataProvider data) throws IOException {
        Format format = data.pickValue(Format.values());
        Map<String, String> options = new LinkedHashMap<>();
        if (data.consumeBoolean()) {
            options.put(FormatOptions.ENCODING, data.pickValue(ENCODINGS));
        }
        if (format == Format.CSV && data.consumeBoolean()) {
            options.put(FormatOptions.DELIMITER, data.pickValue(CHARACTERS));
            options.put(FormatOptions.QUOTE, data.pickValue(CHARACTERS));
        }
        boolean gzip = data.consumeBoolean();
        int cut = data.consumeInt(0, 64);
        byte[] bytes = data.consumeRemainingAsBytes();
        if (gzip) {
            byte[] whole = gzip(bytes);
            bytes = Arrays.copyOf(whole, Math.max(0, whole.length - cut));
        }
        try (RecordReader reader = RecordReaders.open(format, options, new ByteArrayInputStream(bytes))) {
            for (SourceRecord next = reader.next(); next != null; next = reader.next()) {
                SourceRecord record = next;
                assertTrue(record.position() >= 1, () -> "a position from 1 on: " + record);
                assertNotNull(record.raw(), "raw text");
                assertTrue(record.isReadable() || !record.error().isBlank(), () -> "a reason: " + record);
            }
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
