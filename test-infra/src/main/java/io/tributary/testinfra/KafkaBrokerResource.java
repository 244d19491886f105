package io.tributary.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.local.LocalKafka;

/**
 * A real single-node KRaft Kafka broker in the test JVM, on a throwaway directory. Tests can take it down and bring it
 * back on the same port and directory, to see what the service does while Kafka is unavailable.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String bootstrapServers;
    private static volatile LocalKafka running;

    private LocalKafka kafka;
    private Path dir;

    /** The broker started in this JVM, for tests that produce or consume directly. */
    public static String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker started in this JVM; its topics and offsets stay for {@link #startBroker()}. */
    public static void stopBroker() {
        broker().stop();
    }

    /** Starts the broker again after {@link #stopBroker()}, at the same address; does nothing if it is up. */
    public static void startBroker() {
        broker().startAgain();
    }

    private static LocalKafka broker() {
        LocalKafka broker = running;
        if (broker == null) {
            throw new IllegalStateException("no Kafka broker was started in this JVM");
        }
        return broker;
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
        running = kafka;
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        if (kafka != null) {
            if (running == kafka) {
                running = null;
            }
            kafka.close();
        }
        TempDirs.delete(dir);
    }
}
