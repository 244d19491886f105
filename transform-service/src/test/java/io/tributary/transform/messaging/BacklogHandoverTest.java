package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.transform.apply.AcceptedRecord;
import io.tributary.transform.apply.Delivery;

class BacklogHandoverTest {

    private static final String TOPIC = "tributary-records-accepted.sales";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, AcceptedRecord> kafka = new MockConsumer<>(
            AutoOffsetResetStrategy.EARLIEST.name());
    private final AtomicLong end = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean builds = true;
    private volatile Set<String> building = Set.of();
    private volatile Map<Integer, Long> stored = Map.of();
    private volatile int partitionsOfTopic = 1;

    private final BacklogHandover handover = new BacklogHandover(new BacklogHandover.Builds() {
        @Override
        public boolean mayTake(String dataset, long waiting) {
            return builds;
        }

        @Override
        public Optional<Map<Integer, Long>> take(String dataset) {
            asked.incrementAndGet();
            if (!builds) {
                return Optional.empty();
            }
            building = Set.of(TOPIC);
            return Optional.of(Map.of(0, end.get()));
        }

        @Override
        public Set<String> building() {
            return building;
        }

        @Override
        public Map<Integer, Long> applied(String topic) {
            return stored;
        }
    }, topic -> partitionsOfTopic == 1 ? Map.of(0, end.get()) : Map.of(0, end.get(), 1, 0L), 20_000);

    @BeforeEach
    void assign() {
        kafka.assign(List.of(PARTITION));
        kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @Test
    void holdsAGrowingTopicUntilItsEndStopsMovingThenHandsItAllToTheBuild() throws InterruptedException {
        end.set(50_000);
        assertTrue(handover.takes(kafka, TOPIC, polled(0, 5_000)));
        assertEquals(Set.of(PARTITION), kafka.paused());
        assertEquals(0, kafka.position(PARTITION), "the poll's records are fetched again");
        assertEquals(Set.of(TOPIC), handover.held());

        end.set(400_000);
        Thread.sleep(BacklogHandover.LOOK_EVERY.toMillis() + 100);
        handover.look(kafka);
        assertEquals(Set.of(TOPIC), handover.held(), "still growing");
        assertEquals(0, asked.get());

        Thread.sleep(BacklogHandover.LOOK_EVERY.toMillis() + 100);
        handover.look(kafka);
        assertEquals(Set.of(), handover.held());
        assertEquals(1, asked.get());
        assertEquals(Set.of(PARTITION), kafka.paused(), "left to the build until it ends");
        assertEquals(Set.of(TOPIC), handover.building());

        endBuild(400_000);
        assertEquals(Set.of(), kafka.paused());
        assertEquals(400_000, kafka.position(PARTITION), "the consumer reads on after the records built");
    }

    @Test
    void handsOverAtOnceWhenThePollReachedTheTopicsEnd() {
        end.set(30_000);
        assertTrue(handover.takes(kafka, TOPIC, polled(0, 30_000)));
        assertEquals(1, asked.get());
        assertEquals(Set.of(PARTITION), kafka.paused());
        handover.follow(kafka);
        assertEquals(Set.of(PARTITION), kafka.paused(), "still building");

        endBuild(30_000);
        assertEquals(Set.of(), kafka.paused());
        assertEquals(30_000, kafka.position(PARTITION));
    }

    @Test
    void leavesATopicWhoseRecordsABuildOwnsUntilItEndsThenReadsOnFromTheStoredOffsets() {
        end.set(1_000);
        kafka.updateEndOffsets(Map.of(PARTITION, 1_000L));
        kafka.seek(PARTITION, 700);
        building = Set.of(TOPIC);
        handover.follow(kafka);
        assertEquals(Set.of(PARTITION), kafka.paused(), "a first version's build, or another replica's");

        endBuild(400);
        assertEquals(Set.of(), kafka.paused());
        assertEquals(400, kafka.position(PARTITION), "the records after the build's ends are read again");
    }

    @Test
    void leavesTheRecordsToThePerRecordPathWhenAnotherReplicaHoldsSomeOfTheTopicsPartitions() {
        partitionsOfTopic = 2;
        end.set(50_000);
        assertFalse(handover.takes(kafka, TOPIC, polled(0, 5_000)));
        assertEquals(Set.of(), kafka.paused());
        assertEquals(0, asked.get());
    }

    @Test
    void appliesTheRecordsHereWhenTheBuildDeclinesAndDoesNotAskAgainAtOnce() throws InterruptedException {
        end.set(50_000);
        assertTrue(handover.takes(kafka, TOPIC, polled(0, 5_000)));
        builds = false;
        Thread.sleep(BacklogHandover.LOOK_EVERY.toMillis() + 100);
        handover.look(kafka);
        assertEquals(Set.of(), kafka.paused());
        assertEquals(0, kafka.position(PARTITION), "read again from the held poll's start, to be applied here");
        assertFalse(handover.takes(kafka, TOPIC, polled(0, 5_000)));
        assertEquals(1, asked.get());
    }

    @Test
    void neverHoldsWhatNoBuildMayTake() {
        builds = false;
        end.set(50_000);
        assertFalse(handover.takes(kafka, TOPIC, polled(0, 5_000)));
        assertEquals(Set.of(), kafka.paused());
        assertEquals(Set.of(), handover.held());
    }

    @Test
    void leavesFewWaitingRecordsToThisConsumer() {
        end.set(6_000);
        assertFalse(handover.takes(kafka, TOPIC, polled(0, 5_000)));
        assertEquals(0, asked.get());
    }

    /** The build ends, having set the stored offset to {@code next}; the consumer looks. */
    private void endBuild(long next) {
        stored = Map.of(0, next);
        building = Set.of();
        handover.follow(kafka);
    }

    /** A poll of {@code count} records from {@code from}, the consumer's position after it. */
    private List<Delivery> polled(long from, int count) {
        kafka.updateEndOffsets(Map.of(PARTITION, end.get()));
        kafka.seek(PARTITION, from + count);
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deliveries.add(new Delivery(TOPIC, 0, from + i, null, "sales"));
        }
        return deliveries;
    }
}
