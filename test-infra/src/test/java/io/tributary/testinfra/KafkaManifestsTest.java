package io.tributary.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.testinfra.KafkaManifests.KafkaUser;

class KafkaManifestsTest {

    @TempDir
    Path dir;

    @Test
    void readsAUsersAclsAsStrimziWritesThemForItsPrincipal() throws IOException {
        List<KafkaUser> users = KafkaManifests.users(manifest("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: loader}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: orders-, patternType: prefix}
                        operations: [Write, IdempotentWrite]
                      - resource: {type: group, name: loaders}
                        operation: Read
                        type: deny
                """));
        ResourcePattern orders = new ResourcePattern(ResourceType.TOPIC, "orders-", PatternType.PREFIXED);
        ResourcePattern loaders = new ResourcePattern(ResourceType.GROUP, "loaders", PatternType.LITERAL);
        assertEquals(List.of(new KafkaUser("loader", List.of(
                new AclBinding(orders, entry(AclOperation.WRITE, AclPermissionType.ALLOW)),
                new AclBinding(orders, entry(AclOperation.IDEMPOTENT_WRITE, AclPermissionType.ALLOW)),
                new AclBinding(loaders, entry(AclOperation.READ, AclPermissionType.DENY))))), users);
    }

    @Test
    void refusesAnOperationKafkaDoesNotKnowRatherThanLeaveItOut() throws IOException {
        Path manifest = manifest("""
                kind: KafkaUser
                metadata: {name: loader}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: orders}
                        operations: [Writes]
                """);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KafkaManifests.users(manifest));
        assertTrue(refused.getMessage().contains("'Writes'"), refused.getMessage());
    }

    @Test
    void theRepositorysManifestsHoldEveryServicesUserAndTheSharedTopics() {
        assertEquals(List.of("ingestion-service", "transform-service", "requirements-service", "serving-service"),
                KafkaManifests.users().stream().map(KafkaUser::name).toList());
        assertEquals(List.of("tributary-records-accepted", "tributary-alerts"),
                KafkaManifests.topics().stream().map(KafkaManifests.KafkaTopic::name).toList());
    }

    private static AccessControlEntry entry(AclOperation operation, AclPermissionType permission) {
        return new AccessControlEntry("User:loader", "*", operation, permission);
    }

    private Path manifest(String yaml) throws IOException {
        return Files.writeString(dir.resolve("users.yaml"), yaml);
    }
}
