package io.tributary.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run the suite on this machine.
 *
 * @param dataDir everything the suite keeps: PostgreSQL's and Kafka's data, the landing archive, the service logs
 * @param repositoryRoot the checkout whose {@code <module>/target/quarkus-app/quarkus-run.jar} are started
 * @param ingestionPort the HTTP port of the ingestion service, 0 for any free one
 * @param transformPort the HTTP port of the transform service, 0 for any free one
 * @param servingPort the HTTP port of the serving service, 0 for any free one
 * @param requirementsPort the HTTP port of the requirements service, 0 for any free one
 * @param postgresPort PostgreSQL's port, 0 for any free one
 * @param kafkaPort the Kafka broker's client port, 0 for any free one
 * @param jsonLogs whether the services write their logs as JSON lines
 * @param readyTimeout how long the services may take to become ready
 */
public record SuiteConfig(Path dataDir, Path repositoryRoot, int ingestionPort, int transformPort, int servingPort,
        int requirementsPort, int postgresPort, int kafkaPort, boolean jsonLogs, Duration readyTimeout) {

    public static final int DEFAULT_INGESTION_PORT = 8081;
    public static final int DEFAULT_TRANSFORM_PORT = 8082;
    public static final int DEFAULT_SERVING_PORT = 8083;
    public static final int DEFAULT_REQUIREMENTS_PORT = 8084;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(4);
    /** Partitions of the topics the broker creates on first use. */
    public static final int KAFKA_PARTITIONS = 3;
    /**
     * The topics the services exchange that are created with the broker (the catalog's {@code Channels}). Each
     * dataset's topic of accepted records is created by ingestion before its first record.
     */
    public static final List<String> TOPICS = List.of("tributary-alerts");

    public SuiteConfig {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        repositoryRoot = Objects.requireNonNull(repositoryRoot, "repositoryRoot").toAbsolutePath().normalize();
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        requirePort("ingestionPort", ingestionPort);
        requirePort("transformPort", transformPort);
        requirePort("servingPort", servingPort);
        requirePort("requirementsPort", requirementsPort);
        requirePort("postgresPort", postgresPort);
        requirePort("kafkaPort", kafkaPort);
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive: " + readyTimeout);
        }
    }

    /** The well-known local ports (services 8081-8084, PostgreSQL 15432, Kafka 19092). */
    public static SuiteConfig defaults(Path dataDir, Path repositoryRoot) {
        return new SuiteConfig(dataDir, repositoryRoot, DEFAULT_INGESTION_PORT, DEFAULT_TRANSFORM_PORT,
                DEFAULT_SERVING_PORT, DEFAULT_REQUIREMENTS_PORT, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT, false,
                DEFAULT_READY_TIMEOUT);
    }

    /** Any free ports, for tests that must not collide with a suite already running on this machine. */
    public static SuiteConfig freePorts(Path dataDir, Path repositoryRoot) {
        return new SuiteConfig(dataDir, repositoryRoot, 0, 0, 0, 0, 0, 0, false, DEFAULT_READY_TIMEOUT);
    }

    public SuiteConfig withJsonLogs(boolean value) {
        return new SuiteConfig(dataDir, repositoryRoot, ingestionPort, transformPort, servingPort, requirementsPort,
                postgresPort, kafkaPort, value, readyTimeout);
    }

    public SuiteConfig withReadyTimeout(Duration value) {
        return new SuiteConfig(dataDir, repositoryRoot, ingestionPort, transformPort, servingPort, requirementsPort,
                postgresPort, kafkaPort, jsonLogs, value);
    }

    /** The configured port of a service, 0 for any free one. */
    public int port(TributaryService service) {
        return switch (service) {
            case INGESTION -> ingestionPort;
            case TRANSFORM -> transformPort;
            case SERVING -> servingPort;
            case REQUIREMENTS -> requirementsPort;
        };
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be within [0, 65535]: " + port);
        }
    }
}
