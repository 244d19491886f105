package io.tributary.catalog.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void takesTheProtocolSaslAndSslSettingsAndNothingElse() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "tributary-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM",
                "group.id", "transform-service",
                "health.enabled", "true");
        assertEquals(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM"), KafkaSecurity.of(kafka));
    }

    @Test
    void leavesOutSettingsLeftEmptySoAPlainTextBrokerGetsNone() {
        assertEquals(Map.of(), KafkaSecurity.of(Map.of("bootstrap.servers", "127.0.0.1:19092",
                "sasl.jaas.config", "", "ssl.truststore.location", " ")));
    }
}
