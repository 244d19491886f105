package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.event.Channels;
import io.tributary.transform.apply.ConsumerOffsetRepository;
import io.tributary.transform.apply.RecordApplier;
import io.tributary.transform.registry.ReadDatasets;

/**
 * How far the pipelines are behind their input: the offsets applied, as stored with the curated rows, against the ends
 * of the partitions of each dataset's topic (decision 0054). The pipelines of one dataset share its lag; the records
 * left on the single old topic of every dataset, while it is being drained, count for every pipeline.
 */
@ApplicationScoped
public class AcceptedRecordsLag {

    /** Records not applied yet, and how long the oldest of them has waited. */
    public record Lag(long records, Duration behind) {

        static final Lag NONE = new Lag(0, Duration.ZERO);

        Lag plus(Lag other) {
            return new Lag(records + other.records, behind.compareTo(other.behind) >= 0 ? behind : other.behind);
        }
    }

    private final ConsumerOffsetRepository offsets;
    private final TopicPositions topic;
    private final ReadDatasets read;

    public AcceptedRecordsLag(ConsumerOffsetRepository offsets, TopicPositions topic, ReadDatasets read) {
        this.offsets = offsets;
        this.topic = topic;
        this.read = read;
    }

    /** The lag of every dataset some pipeline reads, added up. */
    public Lag measure() throws SQLException {
        Lag total = of(Channels.ACCEPTED_RECORDS);
        for (String dataset : read.known().orElse(Set.of())) {
            total = total.plus(of(Channels.acceptedRecordsOf(dataset)));
        }
        return total;
    }

    /** The lag of the pipelines of one dataset. */
    public Lag measure(String dataset) throws SQLException {
        return of(Channels.acceptedRecordsOf(dataset)).plus(of(Channels.ACCEPTED_RECORDS));
    }

    /** Whether the single old topic of every dataset's records holds records not applied yet. */
    public boolean oldTopicLeft() throws SQLException {
        return of(Channels.ACCEPTED_RECORDS, false).records() > 0;
    }

    private Lag of(String name) throws SQLException {
        return of(name, true);
    }

    private Lag of(String name, boolean dated) throws SQLException {
        Map<Integer, Long> ends = topic.ends(name);
        if (ends.isEmpty()) {
            return Lag.NONE;
        }
        Map<Integer, Long> applied = offsets.all(RecordApplier.CONSUMER, name);
        long records = 0;
        Instant oldest = null;
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            long next = applied.getOrDefault(end.getKey(), 0L);
            if (end.getValue() > next) {
                records += end.getValue() - next;
                if (dated) {
                    Instant written = topic.writtenAt(name, end.getKey(), next).orElse(null);
                    oldest = written == null || (oldest != null && oldest.isBefore(written)) ? oldest : written;
                }
            }
        }
        return new Lag(records, oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now()));
    }
}
