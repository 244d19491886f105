package io.tributary.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.tributary.local.LocalKafka;
import io.tributary.testinfra.KafkaManifests.KafkaTopic;
import io.tributary.testinfra.KafkaManifests.KafkaUser;

/**
 * A real single-node KRaft broker in this JVM that asks every client to sign in with SCRAM-SHA-512 and allows it only
 * what an ACL allows (decision 0051), holding the users and ACLs of the Kubernetes manifest
 * ({@link KafkaManifests}), each user with a password of its own generated here, and the topics of the manifest, as
 * Strimzi's operators would create them. Only its administrator is a super user.
 */
public final class SecuredKafka implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final LocalKafka broker;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private SecuredKafka(Path dir, LocalKafka broker) {
        this.dir = dir;
        this.broker = broker;
    }

    /** Starts the broker on a throwaway directory with the manifests' users, their ACLs and the topics. */
    public static SecuredKafka start() {
        return start(KafkaManifests.users(), KafkaManifests.topics());
    }

    /** Starts the broker on a throwaway directory with these users, their ACLs and these topics. */
    public static SecuredKafka start(List<KafkaUser> users, List<KafkaTopic> topics) {
        Path dir;
        try {
            dir = Files.createTempDirectory("tributary-kafka-scram-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecuredKafka kafka = new SecuredKafka(dir, LocalKafka.startSecured(dir, 0, 1, password()));
        try {
            for (KafkaUser user : users) {
                String password = password();
                kafka.broker.upsertUser(user.name(), password);
                kafka.passwords.put(user.name(), password);
                if (!user.acls().isEmpty()) {
                    kafka.broker.createAcls(user.acls());
                }
            }
            kafka.createTopics(topics);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** A password as Strimzi's user operator makes them: random, and safe to write in a JAAS line. */
    public static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void createTopics(List<KafkaTopic> topics) {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(topics.stream()
                    .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty()))
                    .toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the topics " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The password this user was given. */
    public String passwordOf(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException(user + " is not a user of this broker: " + passwords.keySet());
        }
        return password;
    }

    /**
     * A service's Kafka configuration ({@code kafka.*} without the prefix, as the services read it) signing in as
     * this user with its password: the bootstrap servers, {@code security.protocol}, {@code sasl.mechanism} and
     * {@code sasl.jaas.config} as Strimzi's secret of the user holds it.
     */
    public Map<String, Object> serviceConfig(String user) {
        return serviceConfig(user, passwordOf(user));
    }

    /** A service's Kafka configuration signing in as this user with this password, right or wrong. */
    public Map<String, Object> serviceConfig(String user, String password) {
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", broker.bootstrapServers());
        kafka.putAll(LocalKafka.signIn(user, password));
        return kafka;
    }

    /** The configuration of a client of the administrator, the broker's only super user. */
    public Map<String, Object> adminConfig() {
        return broker.adminConfig();
    }

    /** Stops the broker; its topics, users and ACLs stay for {@link #startAgain()}. */
    public void stop() {
        broker.stop();
    }

    /** Starts the broker again after {@link #stop()}, at the same address. */
    public void startAgain() {
        broker.startAgain();
    }

    @Override
    public void close() {
        broker.close();
        TempDirs.delete(dir);
    }
}
