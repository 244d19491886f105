package io.tributary.ingestion.intake;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.ingestion.batch.BatchStore;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.source.SourceService;

/** Takes a file for a source: stores it in the landing archive, records the batch, and leaves processing to run. */
@ApplicationScoped
public class IntakeService {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final SourceService sources;
    private final LandingArchive archive;
    private final BatchStore batches;
    private final LandingArchive.SizeLimit fileSize;

    public IntakeService(SourceService sources, LandingArchive archive, BatchStore batches, IngestionConfig config) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
        this.fileSize = new LandingArchive.SizeLimit("tributary.ingestion.limits.file-size",
                config.limits().fileSize().asLongValue());
    }

    /** What became of an upload: a new batch, or the earlier batch that already took the same content. */
    public record Intake(BatchEntity batch, boolean alreadyReceived) {
    }

    /** How an upload came: its Content-Type and Content-Encoding, either null when not sent. */
    public record Upload(String contentType, String contentEncoding) {

        /** A file that came without headers, such as one found in a drop folder. */
        public static final Upload UNTYPED = new Upload(null, null);
    }

    /**
     * Stores the file and records a batch for it, unless the source already took a file with the same content
     * (SHA-256) that was not set aside; {@code force} takes it again all the same. An upload whose type says it is
     * of another format than the source's is refused ({@link UploadTypes}); a file without a name is named for the
     * format. A file larger than {@code tributary.ingestion.limits.file-size} is refused with 413.
     */
    public Intake receiveFile(String sourceName, String fileName, Upload upload, InputStream body, boolean force) {
        SourceEntity source = sources.get(sourceName);
        if (!source.enabled) {
            throw SourceService.disabled(sourceName);
        }
        String refusal = UploadTypes.refusal(source.format, upload.contentType(), upload.contentEncoding());
        if (refusal != null) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, refusal + "; source '" + source.name + "' takes "
                    + source.format.name() + " files, sent as " + String.join(", ", UploadTypes.takes(source.format)));
        }
        UUID id = UUID.randomUUID();
        String safeName = sanitise(fileName,
                UploadTypes.defaultName(source.format, UploadTypes.gzip(upload.contentType(), upload.contentEncoding())));
        LandingArchive.StoredFile stored = archive.store(source.name, id, safeName, body, fileSize);
        if (!force) {
            var earlier = batches.findSameContent(source.name, stored.sha256());
            if (earlier.isPresent()) {
                archive.discard(stored);
                return new Intake(earlier.get(), true);
            }
        }
        return new Intake(batches.create(id, source, safeName, stored), false);
    }

    public BatchEntity batch(UUID id) {
        return batches.get(id);
    }

    public List<BatchEntity> batches(String sourceName) {
        return batches.listBySource(sources.get(sourceName).name);
    }

    /** Keeps letters, digits, dot, dash and underscore; never a path. {@code otherwise} when nothing is left. */
    static String sanitise(String fileName, String otherwise) {
        if (fileName == null || fileName.isBlank()) {
            return otherwise;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = UNSAFE.matcher(base).replaceAll("_");
        safe = safe.replaceFirst("^\\.+", "");
        if (safe.isEmpty()) {
            return otherwise;
        }
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }
}
