package io.tributary.ingestion.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.ingestion.config.IngestionConfig;

/** Keeps every received file, durably, before it is acknowledged; processing and replays read it from here. */
@ApplicationScoped
public class LandingArchive {

    /** A stored file. */
    public record StoredFile(Path path, String sha256, long size) {
    }

    private final Path root;

    public LandingArchive(IngestionConfig config) {
        this.root = config.landingDir().toAbsolutePath();
    }

    /** Streams the body to {@code <landing>/<source>/<batch>-<name>}, fsyncs it, and returns its digest and size. */
    public StoredFile store(String source, UUID batch, String fileName, InputStream body) {
        Path dir = root.resolve(source);
        Path target = dir.resolve(batch + "-" + fileName);
        Path partial = dir.resolve(batch + ".part");
        try {
            Files.createDirectories(dir);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                size = body.transferTo(out);
            }
            try (var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(target, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("could not store " + fileName + " in the landing archive", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Removes a stored file that turned out not to be needed (the same content was taken before). */
    public void discard(StoredFile file) {
        deleteQuietly(file.path());
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the partial file is only litter
        }
    }
}
