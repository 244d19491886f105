package io.tributary.requirements.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class ContractFormatTest {

    @Test
    void answersJsonUnlessTheClientPrefersYaml() {
        assertEquals(MediaType.APPLICATION_JSON_TYPE, negotiate());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, negotiate("*/*"));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, negotiate("application/json", "application/yaml"));
        assertEquals(MediaType.valueOf("application/yaml"), negotiate("application/yaml", "application/json"));
        assertEquals(MediaType.valueOf("text/yaml"), negotiate("text/yaml"));
        assertEquals(MediaType.valueOf("text/yaml"), negotiate("text/*"));
    }

    private static MediaType negotiate(String... accepted) {
        return ContractFormat.negotiate(List.of(accepted).stream().map(MediaType::valueOf).toList());
    }
}
