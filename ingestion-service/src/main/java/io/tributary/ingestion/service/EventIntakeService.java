package io.tributary.ingestion.service;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.SourceEntity;

/**
 * Takes events that a source system pushes over HTTP (one JSON object, an array of them, or NDJSON). The body is
 * kept in the landing archive like a file, then processed at once: the call returns only when every accepted event is
 * in Kafka, so an acknowledged event is never lost.
 */
@ApplicationScoped
public class EventIntakeService {

    /** A processed push: its batch, and whether Kafka took every accepted event. */
    public record Pushed(BatchEntity batch, boolean durable) {
    }

    private final SourceService sources;
    private final LandingArchive archive;
    private final BatchStore batches;
    private final BatchProcessor processor;

    public EventIntakeService(SourceService sources, LandingArchive archive, BatchStore batches,
            BatchProcessor processor) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
        this.processor = processor;
    }

    public Pushed receive(String sourceName, InputStream body) {
        SourceEntity source = sources.get(sourceName);
        if (!source.enabled) {
            throw new SourceDisabledException(sourceName);
        }
        if (source.format == SourceEntity.Format.CSV) {
            throw new InvalidRequestException(List.of("source '" + sourceName + "' takes CSV files; events are JSON: "
                    + "register a source with format JSON or NDJSON for them"));
        }
        UUID id = UUID.randomUUID();
        String name = "events." + source.format.name().toLowerCase(Locale.ROOT);
        LandingArchive.StoredFile stored = archive.store(source.name, id, name, body);
        QuarkusTransaction.requiringNew().run(() -> batches.record(id, source, name, stored));
        boolean durable = processor.process(id) == BatchProcessor.Next.DONE;
        if (!durable) {
            QuarkusTransaction.requiringNew().run(() -> batches.fail(id,
                    "Kafka did not take every event; nothing of this call was acknowledged: send it again"));
        }
        return new Pushed(QuarkusTransaction.requiringNew().call(() -> batches.get(id)), durable);
    }
}
