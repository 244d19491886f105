package io.tributary.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalTest {

    @Test
    void aRecordTooLargeOrUnserialisableIsRefusedForGoodAlone() {
        assertEquals(KafkaRefusal.RECORD, KafkaRefusal.of(new RecordTooLargeException("too large")));
        assertEquals(KafkaRefusal.RECORD, KafkaRefusal.of(new SerializationException("cannot")));
        assertEquals("kafka.recordTooLarge", KafkaRefusal.rule(new RecordTooLargeException("too large")));
    }

    @Test
    void anAuthorizationOrTopicRefusalStopsTheBatchForGood() {
        assertEquals(KafkaRefusal.BATCH, KafkaRefusal.of(new TopicAuthorizationException("denied")));
        assertEquals(KafkaRefusal.BATCH, KafkaRefusal.of(new AuthenticationException("who")));
        assertEquals(KafkaRefusal.BATCH, KafkaRefusal.of(new InvalidTopicException("bad name")));
    }

    @Test
    void whatKafkaMayTakeLaterIsWaitedFor() {
        assertEquals(KafkaRefusal.TRANSIENT, KafkaRefusal.of(new TimeoutException("metadata")));
        assertEquals(KafkaRefusal.TRANSIENT, KafkaRefusal.of(new NetworkException("gone")));
        assertEquals(KafkaRefusal.TRANSIENT, KafkaRefusal.of(new NotEnoughReplicasException("one")));
        assertEquals(KafkaRefusal.TRANSIENT, KafkaRefusal.of(new KafkaException("Producer closed")));
        assertEquals(KafkaRefusal.TRANSIENT, KafkaRefusal.of(new IllegalStateException("closing")));
    }

    @Test
    void looksThroughTheWrappersToKafkasAnswer() {
        assertEquals(KafkaRefusal.BATCH,
                KafkaRefusal.of(new ExecutionException(new TopicAuthorizationException("denied"))));
        assertEquals(KafkaRefusal.RECORD,
                KafkaRefusal.of(new KafkaException("send failed", new RecordTooLargeException("big"))));
        assertEquals("TopicAuthorizationException: denied",
                KafkaRefusal.describe(new ExecutionException(new TopicAuthorizationException("denied"))));
    }
}
