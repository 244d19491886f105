package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.tributary.catalog.event.Channels;
import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.apply.Delivery;
import io.tributary.transform.backfill.BackfillService;

/**
 * The live consumer's side of handing the records waiting for a running pipeline to a build of its tables (decision
 * 0062), on the consumer's thread only. When enough records wait on a dataset's topic:
 * <ul>
 * <li>while the topic still grows (a file being published), once the records waiting so far would be handed over, its
 * partitions are paused here, the poll's records left to be fetched again, so that the build takes the whole file and
 * the per-record path spends nothing on the rest of it meanwhile;</li>
 * <li>once its end stops moving (or after {@link #HOLD_AT_MOST}), the records are handed to the build
 * ({@link BackfillService#takeBacklog}); when the build declines, they are applied here, and a build is not asked for
 * again for that topic for {@link #ASK_AGAIN_AFTER}.</li>
 * </ul>
 * Only a consumer holding every partition of the topic hands its records over. While a build owns a topic's records (its
 * own, a first version's, another replica's: {@link Builds#building}, looked at with the consumer's subscriptions),
 * the consumer leaves the topic paused, so that nothing is applied to the tables the build replaces; once the build
 * ends it reads on from the stored offsets, which the build set to where its records end (or gave back to the live
 * path, when it failed).
 */
final class BacklogHandover {

    /** How long a topic whose records a build declined is applied here before a build is asked for again. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(5);
    /**
     * The longest a growing topic is held: a stream that never stops is handed over at what it holds by then. Longer
     * than a large file takes to publish (a 1 GB file took 60-94 s): held for 30 s, the file's last 1.5 million of 5
     * million records went one by one after the build.
     */
    static final Duration HOLD_AT_MOST = Duration.ofMinutes(5);
    /** How often a held topic's end is looked at. */
    static final Duration LOOK_EVERY = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(BacklogHandover.class);

    /** A topic held while it grows: its dataset, since when, and its end when last looked at. */
    private record Hold(String dataset, long since, Map<Integer, Long> ends, long lookedAt) {
    }

    /** The builds the records are handed to ({@link BackfillService} in the service). */
    interface Builds {
        /** {@link BackfillService#mayTakeBacklog} */
        boolean mayTake(String dataset, long waiting) throws SQLException;

        /** {@link BackfillService#takeBacklog} */
        Optional<Map<Integer, Long>> take(String dataset) throws SQLException;

        /** The topics whose records a build owns now. */
        Set<String> building() throws SQLException;

        /** The next offsets to apply of a topic, by partition, as stored with the curated rows. */
        Map<Integer, Long> applied(String topic) throws SQLException;
    }

    private final Builds builds;
    private final Function<String, Map<Integer, Long>> ends;
    private final long minRecords;
    /** Per topic, the records that waited at its last poll. */
    private final Map<String, Long> waited = new HashMap<>();
    /** Per topic, when a build last declined its records. */
    private final Map<String, Long> declined = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    /** The topics a build owns, as last looked at, paused here. */
    private final Set<String> building = new HashSet<>();

    /** @param ends a topic's end offsets, by partition ({@link TopicPositions#ends}) */
    BacklogHandover(Builds builds, Function<String, Map<Integer, Long>> ends, long minRecords) {
        this.builds = builds;
        this.ends = ends;
        this.minRecords = minRecords;
    }

    /**
     * Whether the poll's records of the topic are not to be applied here: handed to a build (the topic is then left
     * paused until the build ends) or held while the topic grows. Any failure to ask leaves them to be applied here.
     */
    boolean takes(Consumer<String, AcceptedRecord> kafka, String topic, List<Delivery> deliveries) {
        if (Channels.ACCEPTED_RECORDS.equals(topic) || holds.containsKey(topic) || building.contains(topic)) {
            return false;
        }
        long afterPoll = 0;
        for (TopicPartition partition : kafka.assignment()) {
            if (partition.topic().equals(topic)) {
                OptionalLong lag = kafka.currentLag(partition);
                if (lag.isEmpty()) {
                    return false;
                }
                afterPoll += lag.getAsLong();
            }
        }
        long waiting = deliveries.size() + afterPoll;
        Long before = waited.put(topic, waiting);
        Long declinedAt = declined.get(topic);
        String dataset = deliveries.stream().map(Delivery::dataset).filter(Objects::nonNull).findFirst().orElse(null);
        if (waiting < minRecords || dataset == null
                || declinedAt != null && System.nanoTime() - declinedAt < ASK_AGAIN_AFTER.toNanos()) {
            return false;
        }
        try {
            Map<Integer, Long> end = ends.apply(topic);
            Set<TopicPartition> assigned = partitions(kafka, topic);
            if (assigned.size() != end.size()) {
                // another replica holds some of its partitions: they go on applying them one by one
                declined.put(topic, System.nanoTime());
                return false;
            }
            if (WaitingRecords.handOver(waiting, afterPoll, before, minRecords)) {
                return handOver(kafka, topic, dataset);
            }
            if (!builds.mayTake(dataset, waiting)) {
                LOG.debugf("the %d records waiting on %s are applied one by one: no build may take them", waiting,
                        topic);
                declined.put(topic, System.nanoTime());
                return false;
            }
            kafka.pause(assigned);
            PollOffsets.firsts(deliveries).forEach((partition, offset) -> {
                if (assigned.contains(partition)) {
                    kafka.seek(partition, offset);
                }
            });
            long now = System.nanoTime();
            holds.put(topic, new Hold(dataset, now, end, now));
            LOG.infof("%d records wait on %s and more are coming: held until its end stops moving", waiting, topic);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("the records waiting on %s are applied one by one: %s", topic, KafkaFailures.describe(e));
            declined.put(topic, System.nanoTime());
            return false;
        }
    }

    /**
     * Looks at the held topics: one whose end stopped moving, or that was held for {@link #HOLD_AT_MOST}, is resumed
     * and its records handed to a build, or applied here when the build declines them.
     */
    void look(Consumer<String, AcceptedRecord> kafka) {
        long now = System.nanoTime();
        for (Map.Entry<String, Hold> held : Map.copyOf(holds).entrySet()) {
            String topic = held.getKey();
            Hold hold = held.getValue();
            if (now - hold.lookedAt() < LOOK_EVERY.toNanos()) {
                continue;
            }
            try {
                Map<Integer, Long> end = ends.apply(topic);
                if (!end.equals(hold.ends()) && now - hold.since() < HOLD_AT_MOST.toNanos()) {
                    holds.put(topic, new Hold(hold.dataset(), hold.since(), end, now));
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.debugf("the end of %s could not be read: %s", topic, e.getMessage());
            }
            holds.remove(topic);
            if (!handOver(kafka, topic, hold.dataset())) {
                kafka.resume(partitions(kafka, topic));
            }
        }
    }

    /**
     * Looks at which topics a build owns now: pauses their partitions here, and resumes those of a topic whose build
     * ended, from the stored offsets. A failure to look leaves things as they were until the next look.
     */
    void follow(Consumer<String, AcceptedRecord> kafka) {
        Set<String> now;
        try {
            now = builds.building();
            for (String topic : Set.copyOf(building)) {
                if (!now.contains(topic)) {
                    readOnFromStored(kafka, topic);
                    building.remove(topic);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("the topics under a build could not be read: %s", e.getMessage());
            return;
        }
        for (String topic : now) {
            if (building.add(topic)) {
                LOG.infof("a build owns the records of %s: left until it ends", topic);
            }
            kafka.pause(partitions(kafka, topic));
        }
    }

    /** Partitions assigned to the consumer: those of a topic under a build or held stay paused. */
    void assigned(Consumer<String, AcceptedRecord> kafka, Collection<TopicPartition> partitions) {
        kafka.pause(partitions.stream().filter(p -> building.contains(p.topic()) || holds.containsKey(p.topic()))
                .toList());
    }

    private void readOnFromStored(Consumer<String, AcceptedRecord> kafka, String topic) throws SQLException {
        Map<Integer, Long> stored = builds.applied(topic);
        Set<TopicPartition> partitions = partitions(kafka, topic);
        kafka.resume(partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition.partition());
            if (next != null) {
                kafka.seek(partition, next);
            }
        }
        LOG.infof("the build of %s ended: its records are read on from %s", topic, stored);
    }

    /** The topics held now. */
    Set<String> held() {
        return Set.copyOf(holds.keySet());
    }

    /** The topics a build owns, as last looked at. */
    Set<String> building() {
        return Set.copyOf(building);
    }

    private boolean handOver(Consumer<String, AcceptedRecord> kafka, String topic, String dataset) {
        try {
            if (builds.take(dataset).isPresent()) {
                kafka.pause(partitions(kafka, topic));
                building.add(topic);
                waited.remove(topic);
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("the records waiting on %s are applied one by one: handing them to a build failed: %s", topic,
                    KafkaFailures.describe(e));
        }
        declined.put(topic, System.nanoTime());
        return false;
    }

    private static Set<TopicPartition> partitions(Consumer<String, AcceptedRecord> kafka, String topic) {
        return kafka.assignment().stream().filter(p -> p.topic().equals(topic)).collect(Collectors.toSet());
    }
}
