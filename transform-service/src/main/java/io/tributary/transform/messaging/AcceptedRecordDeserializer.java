package io.tributary.transform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.registry.ReadDatasets;

/**
 * Decodes an accepted record and prepares it for the pipelines ({@link AcceptedRecord}), on the consumer's polling
 * thread, unless its dataset header names a dataset no pipeline reads: that record arrives as null without its JSON
 * being read. Each dataset's topic holds only its records, so this only passes over records on the single old topic of
 * every dataset (decision 0054). Without the datasets read ({@code null}) every record is decoded.
 */
public class AcceptedRecordDeserializer implements Deserializer<AcceptedRecord> {

    private final RecordEventDeserializer events = new RecordEventDeserializer();
    private final CanonicalEventReader canonical = new CanonicalEventReader();
    private final ReadDatasets read;

    public AcceptedRecordDeserializer(ReadDatasets read) {
        this.read = read;
    }

    @Override
    public AcceptedRecord deserialize(String topic, Headers headers, byte[] data) {
        String dataset = datasetOf(headers);
        if (dataset != null && read != null && read.passesOver(dataset)) {
            return null;
        }
        return deserialize(topic, data);
    }

    /**
     * A record in the shape ingestion writes is read in one pass ({@link CanonicalEventReader}); any other by the event
     * mapper, whose answer or refusal decides.
     */
    @Override
    public AcceptedRecord deserialize(String topic, byte[] data) {
        AcceptedRecord record = data == null ? null : canonical.read(data);
        return record != null ? record : generally(topic, data);
    }

    /** The record as the event mapper decodes it and writes its data again: the reference of the one-pass reader. */
    AcceptedRecord generally(String topic, byte[] data) {
        RecordEvent event = events.deserialize(topic, data);
        return event == null ? null : AcceptedRecord.of(event);
    }

    /** The dataset the producer named in the record's header, if it did. */
    static String datasetOf(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(Channels.DATASET_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
