package io.tributary.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.local.LocalKafka;

/** A real single-node KRaft Kafka broker in the test JVM, on a throwaway directory. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String bootstrapServers;

    private LocalKafka kafka;
    private Path dir;

    /** The broker started in this JVM, for tests that produce or consume directly. */
    public static String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("tributary-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = LocalKafka.start(dir, 0, 1);
        bootstrapServers = kafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        TempDirs.delete(dir);
    }
}
