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
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
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

    /** A size limit of a body: its configuration key and its value, in bytes. */
    public record SizeLimit(String key, long bytes) {

        /** No limit: the file is already on this machine (a drop folder, a topic's records). */
        public static final SizeLimit NONE = new SizeLimit("", Long.MAX_VALUE);
    }

    /** Streams the body to {@code <landing>/<source>/<batch>-<name>}, fsyncs it, and returns its digest and size. */
    public StoredFile store(String source, UUID batch, String fileName, InputStream body) {
        return store(source, batch, fileName, body, SizeLimit.NONE);
    }

    /**
     * As {@link #store(String, UUID, String, InputStream)}, refusing a body larger than the limit with 413: what was
     * stored of it is deleted, and the rest of it is read and dropped, so that the sender hears the answer.
     */
    public StoredFile store(String source, UUID batch, String fileName, InputStream body, SizeLimit limit) {
        Path dir = root.resolve(source);
        Path target = dir.resolve(batch + "-" + fileName);
        Path partial = dir.resolve(batch + ".part");
        try {
            Files.createDirectories(dir);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                size = copy(body, out, limit.bytes());
            }
            if (size > limit.bytes()) {
                deleteQuietly(partial);
                drain(body);
                throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "the body is larger than " + limit.bytes() + " bytes: nothing of it was taken",
                        List.of(limit.key() + ": " + limit.bytes()));
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

    /** Copies at most {@code most} bytes; returns how many were copied, or {@code most + 1} when there were more. */
    private static long copy(InputStream in, OutputStream out, long most) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (copied + n > most) {
                return most + 1;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the sender went away: there is nobody left to answer
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
