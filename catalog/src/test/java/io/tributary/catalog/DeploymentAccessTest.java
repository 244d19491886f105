package io.tributary.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.tributary.catalog.event.Channels;
import io.tributary.local.DatabaseRoles;

/**
 * The Kubernetes manifests give each service the database role and the Kafka user the rest of the project expects
 * (decisions 0047 and 0048): the roles the grants name, the local run makes and CloudNativePG manages are the same;
 * only the migration Job signs in as the owner; a Kafka user may write only its own service's topics.
 */
class DeploymentAccessTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s");
    private static final List<String> SERVICES = List.of("ingestion", "transform", "serving", "requirements");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theGrantsTheLocalRunAndTheManagedRolesNameTheSameRoles() throws IOException {
        Set<String> granted = new TreeSet<>();
        Matcher names = Pattern.compile("tributary_[a-z]+")
                .matcher(Files.readString(Path.of("src/main/resources/db/migration/afterMigrate.sql")));
        while (names.find()) {
            granted.add(names.group());
        }
        Set<String> managed = new TreeSet<>();
        for (JsonNode role : documents("platform/postgres-cluster.yaml").get(0).at("/spec/managed/roles")) {
            managed.add(role.get("name").asText());
        }
        assertEquals(new TreeSet<>(DatabaseRoles.ALL), granted);
        managed.remove("tributary"); // the owner, declared for its memberships
        assertEquals(new TreeSet<>(DatabaseRoles.ALL), managed);
    }

    @Test
    void eachServiceSignsInWithItsOwnRoleAndOnlyTheMigrationJobAsTheOwner() throws IOException {
        for (String service : SERVICES) {
            JsonNode container = documents(service + "-service.yaml").get(0)
                    .at("/spec/template/spec/containers/0");
            assertEquals("tributary-db-" + service, secretOf(container, "TRIBUTARY_DB_USER"), service);
            assertEquals("tributary-db-" + service, secretOf(container, "TRIBUTARY_DB_PASSWORD"), service);
            assertEquals(service + "-service", secretOf(container, "KAFKA_SASL_JAAS_CONFIG"), service);
        }
        JsonNode migration = documents("catalog-migration.yaml").get(0).at("/spec/template/spec/containers/0");
        assertEquals("tributary-db-app", secretOf(migration, "TRIBUTARY_DB_USER"));
        assertEquals("true", valueOf(migration, "QUARKUS_INIT_AND_EXIT"));
        assertEquals("false", documents("configmap.yaml").get(0).at("/data/TRIBUTARY_DB_MIGRATE").asText());
    }

    @Test
    void aKafkaUserWritesOnlyItsOwnServicesTopicsAndServingNone() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (JsonNode user : documents("platform/kafka-users.yaml")) {
            String name = user.at("/metadata/name").asText();
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText(), name);
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                List<String> operations = new ArrayList<>();
                acl.get("operations").forEach(operation -> operations.add(operation.asText()));
                if (acl.at("/resource/type").asText().equals("topic") && operations.contains("Write")) {
                    writers.computeIfAbsent(acl.at("/resource/name").asText(), topic -> new TreeSet<>()).add(name);
                }
            }
        }
        assertEquals(Map.of(
                Channels.ACCEPTED_RECORDS, Set.of("ingestion-service"),
                Channels.ALERTS, Set.of("ingestion-service", "requirements-service")), writers);
        JsonNode serving = documents("platform/kafka-users.yaml").stream()
                .filter(user -> user.at("/metadata/name").asText().equals("serving-service")).findFirst().orElseThrow();
        assertTrue(serving.at("/spec/authorization/acls").isEmpty(), "serving is allowed nothing");
    }

    @Test
    void theBrokerHasNoListenerWithoutAuthentication() throws IOException {
        JsonNode kafka = documents("platform/kafka.yaml").get(0);
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText(), listener.toString());
            assertTrue(listener.get("tls").asBoolean(), listener.toString());
        }
        assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText());
    }

    private static List<JsonNode> documents(String file) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(K8S.resolve(file).toFile())) {
            return documents.readAll();
        }
    }

    private static String secretOf(JsonNode container, String variable) {
        return env(container, variable).at("/valueFrom/secretKeyRef/name").asText();
    }

    private static String valueOf(JsonNode container, String variable) {
        return env(container, variable).get("value").asText();
    }

    private static JsonNode env(JsonNode container, String variable) {
        for (JsonNode entry : container.get("env")) {
            if (entry.get("name").asText().equals(variable)) {
                return entry;
            }
        }
        throw new AssertionError(variable + " is not set in " + container.get("name"));
    }
}
