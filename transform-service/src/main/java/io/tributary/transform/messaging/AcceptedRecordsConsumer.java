package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.tributary.catalog.event.Channels;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.apply.Delivery;
import io.tributary.transform.apply.RecordApplier;
import io.tributary.transform.apply.Retries;
import io.tributary.transform.progress.PipelineMetrics;
import io.tributary.transform.progress.PipelineProgress;

/**
 * Hands each poll of accepted records to the applier; Kafka offsets are committed once it returns, and the offsets
 * stored with the curated rows make a redelivery harmless.
 */
@ApplicationScoped
public class AcceptedRecordsConsumer {

    private final RecordApplier applier;
    private final PipelineMetrics metrics;

    public AcceptedRecordsConsumer(RecordApplier applier, PipelineMetrics metrics) {
        this.applier = applier;
        this.metrics = metrics;
    }

    @Incoming(Channels.ACCEPTED_RECORDS)
    @Blocking
    public void consume(ConsumerRecords<String, AcceptedRecord> records) throws InterruptedException, SQLException {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, AcceptedRecord> r : records) {
            AcceptedRecord record = r.value();
            String dataset = record != null
                    ? record.event().tributarydataset()
                    : AcceptedRecordDeserializer.datasetOf(r.headers());
            deliveries.add(new Delivery(r.topic(), r.partition(), r.offset(), record, dataset));
        }
        String topic = deliveries.isEmpty() ? Channels.ACCEPTED_RECORDS : deliveries.get(0).topic();
        Map<String, PipelineProgress> applied = Retries.untilCommitted(
                isolation -> applier.apply(topic, deliveries, isolation));
        metrics.record(applied);
    }
}
