package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaFailuresTest {

    @Test
    void takesRefusalsThatAskingAgainDoesNotChangeAsPermanent() {
        assertTrue(KafkaFailures.isPermanent(new TopicAuthorizationException("Not authorized to access topics")));
        assertTrue(KafkaFailures.isPermanent(new GroupAuthorizationException("not authorized")));
        assertTrue(KafkaFailures.isPermanent(new SaslAuthenticationException("bad password")));
        assertTrue(KafkaFailures.isPermanent(new KafkaException(new ExecutionException(
                new InvalidTopicException("bad name")))));
    }

    @Test
    void waitsForWhatMayPass() {
        assertFalse(KafkaFailures.isPermanent(new TimeoutException("no answer")));
        assertFalse(KafkaFailures.isPermanent(new NotLeaderOrFollowerException("moving")));
        assertFalse(KafkaFailures.isPermanent(new KafkaException("the consumer was closed")));
        assertFalse(KafkaFailures.isPermanent(new java.sql.SQLException("connection lost", "08006")));
    }

    @Test
    void describesTheRefusalByKafkasOwnWords() {
        assertEquals("TopicAuthorizationException: Not authorized", KafkaFailures.describe(new KafkaException(
                new TopicAuthorizationException("Not authorized"))));
    }
}
