package io.tributary.ingestion.service;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.SourceEntity;

/** Takes a file for a source: stores it in the landing archive, records the batch, and leaves processing to run. */
@ApplicationScoped
public class IntakeService {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final SourceService sources;
    private final LandingArchive archive;
    private final BatchStore batches;

    public IntakeService(SourceService sources, LandingArchive archive, BatchStore batches) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
    }

    public BatchEntity receiveFile(String sourceName, String fileName, InputStream body) {
        SourceEntity source = sources.get(sourceName);
        if (!source.enabled) {
            throw new InvalidRequestException(List.of("source '" + sourceName + "' is disabled"));
        }
        UUID id = UUID.randomUUID();
        String safeName = sanitise(fileName);
        LandingArchive.StoredFile stored = archive.store(source.name, id, safeName, body);
        return batches.create(id, source, safeName, stored);
    }

    public BatchEntity batch(UUID id) {
        return batches.get(id);
    }

    public List<BatchEntity> batches(String sourceName) {
        return batches.listBySource(sources.get(sourceName).name);
    }

    /** Keeps letters, digits, dot, dash and underscore; never a path. */
    static String sanitise(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload.csv";
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = UNSAFE.matcher(base).replaceAll("_");
        safe = safe.replaceFirst("^\\.+", "");
        if (safe.isEmpty()) {
            return "upload.csv";
        }
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }
}
