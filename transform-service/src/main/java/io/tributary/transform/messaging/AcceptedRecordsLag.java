package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.event.Channels;
import io.tributary.transform.apply.ConsumerOffsetRepository;
import io.tributary.transform.apply.RecordApplier;

/**
 * How far the pipelines are behind the accepted-records topic: the offsets applied, as stored with the curated rows,
 * against the ends of the topic's partitions. All pipelines share one consumer, so they share its lag.
 */
@ApplicationScoped
public class AcceptedRecordsLag {

    /** Records not applied yet, and how long the oldest of them has waited. */
    public record Lag(long records, Duration behind) {
    }

    private final ConsumerOffsetRepository offsets;
    private final TopicPositions topic;

    public AcceptedRecordsLag(ConsumerOffsetRepository offsets, TopicPositions topic) {
        this.offsets = offsets;
        this.topic = topic;
    }

    public Lag measure() throws SQLException {
        Map<Integer, Long> applied = offsets.all(RecordApplier.CONSUMER, Channels.ACCEPTED_RECORDS);
        long records = 0;
        Instant oldest = null;
        for (Map.Entry<Integer, Long> end : topic.ends(Channels.ACCEPTED_RECORDS).entrySet()) {
            long next = applied.getOrDefault(end.getKey(), 0L);
            if (end.getValue() > next) {
                records += end.getValue() - next;
                Instant written = topic.writtenAt(Channels.ACCEPTED_RECORDS, end.getKey(), next).orElse(null);
                oldest = written == null || (oldest != null && oldest.isBefore(written)) ? oldest : written;
            }
        }
        return new Lag(records, oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now()));
    }
}
