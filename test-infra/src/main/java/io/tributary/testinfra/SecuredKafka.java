package io.tributary.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.tributary.local.LocalKafka;
import io.tributary.local.LocalKafka.Tls;
import io.tributary.testinfra.KafkaManifests.KafkaTopic;
import io.tributary.testinfra.KafkaManifests.KafkaUser;

/**
 * A real single-node KRaft broker in this JVM as Strimzi's listener on Kubernetes is: it speaks TLS, asks every client
 * to sign in with SCRAM-SHA-512 and allows it only what an ACL allows (decision 0051). It holds the users and ACLs of
 * the Kubernetes manifest ({@link KafkaManifests}), each user with a password of its own generated here, and the
 * manifest's topics, as Strimzi's operators would create them. Only its administrator is a super user.
 */
public final class SecuredKafka implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Tls tls;
    private final LocalKafka broker;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private SecuredKafka(Path dir, Tls tls, LocalKafka broker) {
        this.dir = dir;
        this.tls = tls;
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
        Tls tls = tlsIdentity(dir.resolve("tls"));
        SecuredKafka kafka = new SecuredKafka(dir, tls, LocalKafka.startSecured(dir.resolve("kafka"), 0, 1,
                password(), tls));
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

    /**
     * A key pair and a self-signed certificate for 127.0.0.1, made with the JDK's {@code keytool}: the broker's TLS
     * identity, and the certificate clients trust, as Strimzi's cluster CA is trusted on Kubernetes.
     */
    private static Tls tlsIdentity(Path dir) {
        String password = password();
        Path keyStore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("ca.crt");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", certificate.toString());
        return new Tls(keyStore, password, certificate);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
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

    /**
     * A service's Kafka configuration signing in as this user with this password, right or wrong: what the Kubernetes
     * {@code ConfigMap} gives every service ({@link KafkaManifests#serviceKafkaConfig()}: the protocol, the mechanism,
     * the truststore's type), the CA certificate's path being this broker's, and the user's {@code sasl.jaas.config}
     * as Strimzi writes it into the user's secret.
     */
    public Map<String, Object> serviceConfig(String user, String password) {
        Map<String, Object> kafka = new LinkedHashMap<>(KafkaManifests.serviceKafkaConfig());
        kafka.put("bootstrap.servers", broker.bootstrapServers());
        kafka.put("ssl.truststore.location", tls.trusted().toString());
        kafka.put("sasl.jaas.config", LocalKafka.signIn(user, password).get("sasl.jaas.config"));
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
