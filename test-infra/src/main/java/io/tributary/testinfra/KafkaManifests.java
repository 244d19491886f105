package io.tributary.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kafka users and topics of the Kubernetes manifests, as Strimzi's operators give them to the broker: a
 * {@code KafkaUser} ({@code deploy/k8s/platform/kafka-users.yaml}) is a SCRAM user of the resource's name whose
 * {@code simple} authorization's ACLs are Kafka's {@link AclBinding}s for the principal {@code User:<name>}; a
 * {@code KafkaTopic} ({@code kafka-topic.yaml}) is a topic of that name and partition count. Tests apply them to a real
 * broker, so that the manifests themselves are what they check.
 */
public final class KafkaManifests {

    /** The users' manifest, from the repository's root. */
    public static final Path USERS = Path.of("deploy", "k8s", "platform", "kafka-users.yaml");
    /** The topics' manifest, from the repository's root. */
    public static final Path TOPICS = Path.of("deploy", "k8s", "platform", "kafka-topic.yaml");
    /** The environment every service shares, from the repository's root. */
    public static final Path CONFIG_MAP = Path.of("deploy", "k8s", "configmap.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One {@code KafkaUser}: its name, which is its SCRAM user name, and what its ACLs allow. */
    public record KafkaUser(String name, List<AclBinding> acls) {
    }

    /** One {@code KafkaTopic}: its name and partition count. */
    public record KafkaTopic(String name, int partitions) {
    }

    private KafkaManifests() {
    }

    /** The users of the repository's manifest, found from the working directory or one of its parents. */
    public static List<KafkaUser> users() {
        return users(inRepository(USERS));
    }

    /** The topics of the repository's manifest, found from the working directory or one of its parents. */
    public static List<KafkaTopic> topics() {
        return topics(inRepository(TOPICS));
    }

    /**
     * The Kafka configuration every service is given on Kubernetes: the {@code KAFKA_*} variables of the shared
     * {@code ConfigMap}, as Quarkus reads them into the {@code kafka.*} configuration ({@code KAFKA_SASL_MECHANISM}
     * is {@code sasl.mechanism}).
     */
    public static Map<String, String> serviceKafkaConfig() {
        Path manifest = inRepository(CONFIG_MAP);
        Map<String, String> kafka = new LinkedHashMap<>();
        documents(manifest, "ConfigMap").get(0).path("data").fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("KAFKA_")) {
                kafka.put(entry.getKey().substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                        entry.getValue().asText());
            }
        });
        return kafka;
    }

    /** The topics of a manifest of {@code KafkaTopic}s. */
    public static List<KafkaTopic> topics(Path manifest) {
        List<KafkaTopic> topics = new ArrayList<>();
        for (JsonNode topic : documents(manifest, "KafkaTopic")) {
            int partitions = topic.at("/spec/partitions").asInt(0);
            if (partitions < 1) {
                throw new IllegalArgumentException(topic.at("/metadata/name").asText() + " has no partitions");
            }
            topics.add(new KafkaTopic(topic.at("/metadata/name").asText(), partitions));
        }
        return List.copyOf(topics);
    }

    /** The users of a manifest of {@code KafkaUser}s; anything it holds that Strimzi would not apply so fails. */
    public static List<KafkaUser> users(Path manifest) {
        List<KafkaUser> users = new ArrayList<>();
        for (JsonNode user : documents(manifest, "KafkaUser")) {
            String name = user.at("/metadata/name").asText();
            String authentication = user.at("/spec/authentication/type").asText();
            if (!authentication.equals("scram-sha-512")) {
                throw new IllegalArgumentException(name + " signs in by '" + authentication
                        + "', not scram-sha-512");
            }
            String authorization = user.at("/spec/authorization/type").asText();
            if (!authorization.equals("simple")) {
                throw new IllegalArgumentException(name + " has authorization '" + authorization + "', not simple");
            }
            KafkaPrincipal principal = new KafkaPrincipal(KafkaPrincipal.USER_TYPE, name);
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                ResourcePattern resource = resource(name, acl.get("resource"));
                AclPermissionType permission = acl.path("type").asText("allow").equals("deny")
                        ? AclPermissionType.DENY
                        : AclPermissionType.ALLOW;
                String host = acl.path("host").asText("*");
                for (AclOperation operation : operations(name, acl)) {
                    acls.add(new AclBinding(resource,
                            new AccessControlEntry(principal.toString(), host, operation, permission)));
                }
            }
            users.add(new KafkaUser(name, List.copyOf(acls)));
        }
        return List.copyOf(users);
    }

    private static Path inRepository(Path file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(file))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(file + " is not under " + Path.of("").toAbsolutePath()
                    + " or any of its parents");
        }
        return dir.resolve(file);
    }

    /** The manifest's resources, every one of this kind and named. */
    private static List<JsonNode> documents(Path manifest, String kind) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(manifest.toFile())) {
            for (JsonNode document : values.readAll()) {
                if (document == null || document.isMissingNode() || document.isNull()) {
                    continue;
                }
                String name = document.at("/metadata/name").asText();
                if (!document.path("kind").asText().equals(kind) || name.isEmpty()) {
                    throw new IllegalArgumentException(manifest + " holds a " + document.path("kind").asText()
                            + " named '" + name + "', not a " + kind);
                }
                documents.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + manifest, e);
        }
        return documents;
    }

    private static ResourcePattern resource(String user, JsonNode resource) {
        if (resource == null) {
            throw new IllegalArgumentException(user + " has an ACL without a resource");
        }
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException(user + " has an ACL on a resource of type '"
                    + resource.path("type").asText() + "'");
        };
        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
        PatternType pattern = switch (resource.path("patternType").asText("literal")) {
            case "literal" -> PatternType.LITERAL;
            case "prefix" -> PatternType.PREFIXED;
            default -> throw new IllegalArgumentException(user + " has an ACL with the pattern type '"
                    + resource.path("patternType").asText() + "'");
        };
        if (name.isEmpty()) {
            throw new IllegalArgumentException(user + " has an ACL on a " + type + " without a name");
        }
        return new ResourcePattern(type, name, pattern);
    }

    /** {@code operations}, as {@code Write} or {@code IdempotentWrite}, or the older single {@code operation}. */
    private static List<AclOperation> operations(String user, JsonNode acl) {
        List<String> names = new ArrayList<>();
        if (acl.has("operations")) {
            acl.get("operations").forEach(operation -> names.add(operation.asText()));
        } else if (acl.has("operation")) {
            names.add(acl.get("operation").asText());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(user + " has an ACL that allows no operation");
        }
        List<AclOperation> operations = new ArrayList<>();
        for (String name : names) {
            String constant = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            AclOperation operation = AclOperation.fromString(constant);
            if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
                throw new IllegalArgumentException(user + " has an ACL with the operation '" + name + "'");
            }
            operations.add(operation);
        }
        return operations;
    }
}
