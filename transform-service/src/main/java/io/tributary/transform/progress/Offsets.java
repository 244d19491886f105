package io.tributary.transform.progress;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A topic's offsets by partition as the catalog keeps them: a JSON object, {@code {"0": 120, "1": 98}}. */
public final class Offsets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Offsets() {
    }

    public static String write(Map<Integer, Long> offsets) {
        return new TreeMap<>(offsets).entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** @return the offsets; empty for null */
    public static Map<Integer, Long> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Long> read = JSON.readValue(json, new TypeReference<Map<String, Long>>() {
            });
            Map<Integer, Long> offsets = new TreeMap<>();
            read.forEach((partition, offset) -> offsets.put(Integer.valueOf(partition), offset));
            return offsets;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not offsets by partition: " + json, e);
        }
    }
}
