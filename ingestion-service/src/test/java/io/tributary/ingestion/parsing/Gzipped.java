package io.tributary.ingestion.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Gzip content made in tests without holding its decompressed text, such as a bomb. */
public final class Gzipped {

    private Gzipped() {
    }

    /** The head, then the text repeated until {@code size} bytes, gzipped as it is written. */
    public static byte[] repeated(String head, String text, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = text.repeat(Math.max(1, 64 * 1024 / text.length())).getBytes(StandardCharsets.UTF_8);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(head.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < size; written += block.length) {
                gzip.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
