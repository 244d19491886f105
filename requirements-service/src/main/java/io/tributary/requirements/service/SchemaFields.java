package io.tributary.requirements.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;

/**
 * The field list a contract declares, as the catalog records it, and its fingerprint.
 *
 * @param json a JSON array of {name, sourceName, logicalType, required, primaryKey}, in declaration order
 * @param fingerprint SHA-256 of {@code json}, in lower-case hex
 */
public record SchemaFields(String json, String fingerprint) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static SchemaFields of(DataContract contract) {
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        for (ContractProperty property : contract.properties()) {
            fields.addObject()
                    .put("name", property.name())
                    .put("sourceName", property.sourceName())
                    .put("logicalType", property.logicalType().odcsName())
                    .put("required", property.required())
                    .put("primaryKey", property.primaryKey());
        }
        String json = write(fields);
        return new SchemaFields(json, sha256(json));
    }

    private static String write(ArrayNode fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and booleans always serialises", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
