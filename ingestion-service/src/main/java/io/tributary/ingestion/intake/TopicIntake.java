package io.tributary.ingestion.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.batch.BatchStore;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.messaging.SourceTopicsConsumer;
import io.tributary.ingestion.source.SourceService;

/**
 * Takes the events that source systems publish to their Kafka topics ({@link SourceTopicsConsumer} reads them): each
 * poll's events of one source are kept in the landing archive as an NDJSON file and recorded as a batch, before the
 * consumer commits their offsets. Processing then runs as for an upload.
 */
@ApplicationScoped
public class TopicIntake implements SourceTopicsConsumer.Intake {

    private final SourceService sources;
    private final LandingArchive archive;
    private final BatchStore batches;

    public TopicIntake(SourceService sources, LandingArchive archive, BatchStore batches) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
    }

    @Override
    public Map<String, String> sourceByTopic() {
        return sources.consuming().stream().collect(Collectors.toMap(s -> s.topic, s -> s.name, (a, b) -> a));
    }

    @Override
    public void keep(String sourceName, List<byte[]> events) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] event : events) {
            body.writeBytes(oneLine(event));
            body.write('\n');
        }
        SourceEntity source = sources.get(sourceName);
        UUID id = UUID.randomUUID();
        String name = "topic-" + source.topic + ".ndjson";
        LandingArchive.StoredFile stored = archive.store(source.name, id, name,
                new ByteArrayInputStream(body.toByteArray()));
        QuarkusTransaction.requiringNew().run(() -> batches.create(id, source, name, stored));
    }

    /**
     * The event as one NDJSON line. In JSON text a raw line break can only be whitespace (inside strings it must be
     * escaped), so turning line breaks into spaces keeps every valid event as it is; anything else is quarantined by
     * the reader with its text.
     */
    private static byte[] oneLine(byte[] value) {
        byte[] line = value.clone();
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                line[i] = ' ';
            }
        }
        return line;
    }
}
