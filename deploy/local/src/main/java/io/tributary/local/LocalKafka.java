package io.tributary.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) inside this JVM. Its log directory
 * is formatted on first use and kept, so topics and offsets survive a restart on the same directory. The broker can
 * also be stopped and started again on the same ports and directory, as when Kafka goes down for a while.
 * <p>
 * It listens in plain text and lets every client do anything ({@link #start}), or asks every client to sign in with
 * SCRAM-SHA-512 and allows it only what an ACL allows ({@link #startSecured}, decision 0051).
 */
public final class LocalKafka implements AutoCloseable {

    /** The SASL mechanism of the secured broker, as Strimzi's {@code KafkaUser}s sign in on Kubernetes. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The secured broker's own principal: the broker signs in to itself with it, and it is the only super user. */
    public static final String ADMIN = "admin";

    /** Written into a JAAS line, quoted: a password is kept to characters that need no escaping there. */
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{8,}");
    private static final int SCRAM_ITERATIONS = 4096;

    private final Properties config;
    private final String bootstrapServers;
    /** How the broker's administrator signs in: nothing for a plain-text broker. */
    private final Map<String, Object> adminSecurity;
    private KafkaRaftServer server;

    private LocalKafka(Properties config, String bootstrapServers, Map<String, Object> adminSecurity) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.adminSecurity = adminSecurity;
    }

    /**
     * A broker that listens in plain text and lets every client do anything.
     *
     * @param port the client port, 0 for any free one
     * @param partitions the partition count of topics created on first use
     */
    public static LocalKafka start(Path dataDir, int port, int partitions) {
        return start(dataDir, port, partitions, null, null);
    }

    /**
     * A broker whose one listener asks every client to sign in with SCRAM-SHA-512, and that allows a client only what
     * an ACL allows it ({@code StandardAuthorizer}, nothing without an ACL). Its administrator, {@link #ADMIN}, is the
     * only super user; its credential is written into the metadata when the directory is formatted, so a directory
     * formatted for a plain-text broker cannot be started secured. Users and ACLs are added with
     * {@link #upsertUser} and {@link #createAcls}, and stay in the directory.
     *
     * @param adminPassword the administrator's password; on a directory formatted before, the one it was formatted
     *        with
     */
    public static LocalKafka startSecured(Path dataDir, int port, int partitions, String adminPassword) {
        return startSecured(dataDir, port, partitions, adminPassword, null);
    }

    /**
     * The broker's TLS identity, for a clients' listener that speaks TLS ({@code SASL_SSL}).
     *
     * @param keyStore a PKCS12 key store holding the broker's key and certificate, for the name clients connect to
     * @param password the key store's password
     * @param trusted the PEM certificate the broker trusts when it connects to its own listener
     */
    public record Tls(Path keyStore, String password, Path trusted) {
    }

    /**
     * {@link #startSecured(Path, int, int, String)}, its clients' listener speaking TLS ({@code SASL_SSL}) with this
     * identity when it is given; the controller's listener, which only the broker itself uses, stays without.
     */
    public static LocalKafka startSecured(Path dataDir, int port, int partitions, String adminPassword, Tls tls) {
        if (adminPassword == null || adminPassword.isBlank() || !SAFE_PASSWORD.matcher(adminPassword).matches()) {
            throw new IllegalArgumentException("the administrator's password must be letters, digits, - and _ only");
        }
        return start(dataDir, port, partitions, adminPassword, tls);
    }

    private static LocalKafka start(Path dataDir, int port, int partitions, String adminPassword, Tls tls) {
        int clientPort = FreePort.orAny(port);
        int controllerPort = FreePort.orAny(0);
        try {
            Files.createDirectories(dataDir);
            Properties config = config(dataDir, clientPort, controllerPort, partitions);
            if (adminPassword != null) {
                secure(config, adminPassword, tls);
            }
            Path configFile = dataDir.resolve("server.properties");
            // the secured broker's file holds the administrator's password
            OwnerOnly.write(configFile, text(config));
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(configFile, adminPassword);
            }
            Map<String, Object> adminSecurity = adminPassword == null
                    ? Map.of()
                    : tls == null
                            ? signIn(ADMIN, adminPassword)
                            : signInOverTls(ADMIN, adminPassword, tls.trusted());
            LocalKafka kafka = new LocalKafka(config, "127.0.0.1:" + clientPort, adminSecurity);
            kafka.startAgain();
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare Kafka's directory " + dataDir, e);
        }
    }

    /**
     * The settings of a client that signs in to a secured broker as this user, as a Kafka configuration holds them
     * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}).
     */
    public static Map<String, Object> signIn(String user, String password) {
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("security.protocol", "SASL_PLAINTEXT");
        security.put("sasl.mechanism", MECHANISM);
        security.put("sasl.jaas.config", jaas(user, password));
        return security;
    }

    /**
     * The settings of a client that signs in as this user to a secured broker whose clients' listener speaks TLS,
     * trusting the PEM certificate {@code trusted}.
     */
    public static Map<String, Object> signInOverTls(String user, String password, Path trusted) {
        Map<String, Object> security = signIn(user, password);
        security.put("security.protocol", "SASL_SSL");
        security.put("ssl.truststore.type", "PEM");
        security.put("ssl.truststore.location", trusted.toString());
        return security;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The configuration of an administrator's client: the bootstrap servers and, on a secured broker, how
     * {@link #ADMIN} signs in.
     */
    public Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>(adminSecurity);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return admin;
    }

    /** Gives the user this SCRAM-SHA-512 password on a secured broker, creating the user if it has none yet. */
    public void upsertUser(String user, String password) {
        if (!SAFE_PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException("a password must be letters, digits, - and _ only");
        }
        try (Admin admin = Admin.create(adminConfig())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set the SCRAM credential of " + user, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the SCRAM credential of " + user, e);
        }
    }

    /** Adds these ACLs on a secured broker (an ACL it holds already is left as it is). */
    public void createAcls(Collection<AclBinding> acls) {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createAcls(acls).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the ACLs " + acls, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating ACLs", e);
        }
    }

    /** Stops the broker and keeps its directory and ports, so {@link #startAgain()} brings the same broker back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and directory; does nothing if it is up. */
    public synchronized void startAgain() {
        if (server == null) {
            KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            started.startup();
            server = started;
        }
    }

    /**
     * Creates these topics with the broker's partition count, unless they exist. A consumer that subscribes to a topic
     * nobody has written to yet only finds it seconds after the first write (metadata refresh, then a rebalance).
     */
    public void createTopics(Collection<String> names) {
        try (Admin admin = Admin.create(adminConfig())) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty())))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create the topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Properties config(Path dataDir, int clientPort, int controllerPort, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /**
     * One listener for clients and the broker itself, and one for the controller, both asking for SCRAM-SHA-512; the
     * broker signs in to both as {@link #ADMIN}, whose credential the formatting writes into the metadata. The clients'
     * listener speaks TLS when {@code tls} is given.
     */
    private static void secure(Properties p, String adminPassword, Tls tls) {
        String clientPort = p.getProperty("advertised.listeners").replaceFirst(".*:", "");
        String controllerPort = p.getProperty("controller.quorum.voters").replaceFirst(".*:", "");
        p.put("listeners", "CLIENTS://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENTS://127.0.0.1:" + clientPort);
        p.put("listener.security.protocol.map",
                "CONTROLLER:SASL_PLAINTEXT,CLIENTS:" + (tls == null ? "SASL_PLAINTEXT" : "SASL_SSL"));
        if (tls != null) {
            p.put("listener.name.clients.ssl.keystore.type", "PKCS12");
            p.put("listener.name.clients.ssl.keystore.location", tls.keyStore().toString());
            p.put("listener.name.clients.ssl.keystore.password", tls.password());
            p.put("listener.name.clients.ssl.truststore.type", "PEM");
            p.put("listener.name.clients.ssl.truststore.location", tls.trusted().toString());
        }
        p.put("inter.broker.listener.name", "CLIENTS");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("sasl.mechanism.controller.protocol", MECHANISM);
        String scram = MECHANISM.toLowerCase(Locale.ROOT);
        p.put("listener.name.clients." + scram + ".sasl.jaas.config", jaas(ADMIN, adminPassword));
        p.put("listener.name.controller." + scram + ".sasl.jaas.config", jaas(ADMIN, adminPassword));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static String text(Properties config) throws IOException {
        StringWriter out = new StringWriter();
        config.store(out, "written by Tributary's local runtime");
        return out.toString();
    }

    private static void format(Path configFile, String adminPassword) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
                configFile.toString()));
        if (adminPassword != null) {
            args.addAll(List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
        }
        int rc = StorageTool.execute(args.toArray(String[]::new),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed (" + rc + "): " + output);
        }
    }
}
