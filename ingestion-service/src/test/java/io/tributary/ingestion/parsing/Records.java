package io.tributary.ingestion.parsing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.tributary.catalog.entity.SourceEntity.Format;

/** Reading whole inputs in tests. */
final class Records {

    private Records() {
    }

    static List<SourceRecord> read(Format format, Map<String, String> options, InputStream in) throws IOException {
        return read(format, options, JsonShape.FLAT, in);
    }

    static List<SourceRecord> read(Format format, Map<String, String> options, JsonShape shape, InputStream in)
            throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(format, options, shape, in)) {
            for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    static List<SourceRecord> read(Format format, Map<String, String> options, byte[] bytes) throws IOException {
        return read(format, options, new ByteArrayInputStream(bytes));
    }

    static List<SourceRecord> read(Format format, String text) throws IOException {
        return read(format, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads JSON records in the shape a contract would give them. */
    static List<SourceRecord> read(Format format, JsonShape shape, String text) throws IOException {
        return read(format, Map.of(), shape, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A readable record as field name → value, in order. */
    static Map<String, String> fields(SourceRecord record) {
        if (!record.isReadable()) {
            throw new AssertionError("record " + record.position() + " is unreadable: " + record.error());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < record.names().size(); i++) {
            fields.put(record.names().get(i), i < record.values().size() ? record.values().get(i) : null);
        }
        return fields;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
