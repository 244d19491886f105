package io.tributary.ingestion.intake;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.batch.BatchProcessor;
import io.tributary.ingestion.batch.BatchStore;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.service.InvalidRequestException;
import io.tributary.ingestion.service.KafkaUnavailableException;
import io.tributary.ingestion.service.SourceDisabledException;
import io.tributary.ingestion.source.SourceService;

/**
 * Takes events that a source system pushes over HTTP (one JSON object, an array of them, or NDJSON). The body is
 * kept in the landing archive like a file, then processed at once: the call returns only when every accepted event is
 * in Kafka, so an acknowledged event is never lost. When Kafka does not take them, the call fails with
 * {@link KafkaUnavailableException} and its batch is set aside, so nothing of it is published later behind the
 * caller's back.
 */
@ApplicationScoped
public class EventIntakeService {

    private final SourceService sources;
    private final LandingArchive archive;
    private final BatchStore batches;
    private final BatchProcessor processor;
    private final Duration retryAfter;

    public EventIntakeService(SourceService sources, LandingArchive archive, BatchStore batches,
            BatchProcessor processor, IngestionConfig config) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
        this.processor = processor;
        this.retryAfter = config.retryDelay();
    }

    /** The processed push's batch: completed, or held for review. */
    public BatchEntity receive(String sourceName, InputStream body) {
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
        if (processor.process(id) == BatchProcessor.Next.RETRY_LATER) {
            processor.fail(id, "Kafka did not take every event; nothing of this call was acknowledged: send it again");
            throw new KafkaUnavailableException(id, retryAfter);
        }
        return QuarkusTransaction.requiringNew().call(() -> batches.get(id));
    }
}
