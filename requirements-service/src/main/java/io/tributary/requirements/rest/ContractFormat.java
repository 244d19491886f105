package io.tributary.requirements.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

import io.tributary.catalog.contract.ContractReader;

/** The syntaxes a contract document travels in, and the media types that name them. */
public enum ContractFormat {
    JSON(ContractReader.Syntax.JSON),
    YAML(ContractReader.Syntax.YAML);

    public static final String APPLICATION_YAML = "application/yaml";
    public static final String APPLICATION_X_YAML = "application/x-yaml";
    public static final String TEXT_YAML = "text/yaml";

    private static final List<MediaType> YAML_TYPES = List.of(MediaType.valueOf(APPLICATION_YAML),
            MediaType.valueOf(APPLICATION_X_YAML), MediaType.valueOf(TEXT_YAML));

    private final ContractReader.Syntax syntax;

    ContractFormat(ContractReader.Syntax syntax) {
        this.syntax = syntax;
    }

    public ContractReader.Syntax syntax() {
        return syntax;
    }

    /** JSON, unless the type is one of the YAML types (parameters such as charset do not matter). */
    public static ContractFormat of(MediaType type) {
        return type != null && YAML_TYPES.stream().anyMatch(yaml -> sameType(yaml, type)) ? YAML : JSON;
    }

    /** The type to answer with: JSON unless the client prefers YAML; the list is in the client's order of preference. */
    public static MediaType negotiate(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            for (MediaType yaml : YAML_TYPES) {
                if (accepted.isCompatible(yaml)) {
                    return yaml;
                }
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /** The stored JSON text of a document, in this syntax. */
    public String render(String storedJson) {
        return this == JSON
                ? storedJson
                : ContractReader.toYaml(ContractReader.parse(storedJson, ContractReader.Syntax.JSON));
    }

    private static boolean sameType(MediaType a, MediaType b) {
        return a.getType().equalsIgnoreCase(b.getType()) && a.getSubtype().equalsIgnoreCase(b.getSubtype());
    }
}
