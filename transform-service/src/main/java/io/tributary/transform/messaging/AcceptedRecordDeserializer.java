package io.tributary.transform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.registry.ReadDatasets;

/**
 * Decodes an accepted record and prepares it for the pipelines ({@link AcceptedRecord}), on the consumer's polling
 * thread, unless its dataset header names a dataset no pipeline reads: that record arrives as null without its JSON
 * being read. Kafka creates the deserializer, so it finds the application's {@link ReadDatasets} through the CDI
 * container.
 */
public class AcceptedRecordDeserializer implements Deserializer<AcceptedRecord> {

    private final RecordEventDeserializer events = new RecordEventDeserializer();

    private final Supplier<ReadDatasets> datasets;
    /** Found once the container runs, then kept: a consumer's deserializer is used by its polling thread alone. */
    private ReadDatasets read;

    public AcceptedRecordDeserializer() {
        this(() -> {
            ArcContainer container = Arc.container();
            return container == null || !container.isRunning() ? null : container.instance(ReadDatasets.class).get();
        });
    }

    AcceptedRecordDeserializer(Supplier<ReadDatasets> datasets) {
        this.datasets = datasets;
    }

    @Override
    public AcceptedRecord deserialize(String topic, Headers headers, byte[] data) {
        String dataset = datasetOf(headers);
        if (dataset != null && read() != null && read.passesOver(dataset)) {
            return null;
        }
        return deserialize(topic, data);
    }

    @Override
    public AcceptedRecord deserialize(String topic, byte[] data) {
        RecordEvent event = events.deserialize(topic, data);
        return event == null ? null : AcceptedRecord.of(event);
    }

    private ReadDatasets read() {
        if (read == null) {
            read = datasets.get();
        }
        return read;
    }

    /** The dataset the producer named in the record's header, if it did. */
    static String datasetOf(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(Channels.DATASET_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
