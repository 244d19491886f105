package io.tributary.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

final class NdjsonLines {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private NdjsonLines() {
    }

    static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalStateException("unterminated last line in " + file);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    static JsonNode tree(String line) throws IOException {
        return MAPPER.readTree(line);
    }

    static Map<String, JsonValue> literals(String line) throws IOException {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not an object: " + line);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
                if (!number && token != JsonToken.VALUE_STRING) {
                    throw new IllegalStateException("unexpected " + token + " for " + name);
                }
                if (values.put(name, new JsonValue(number, parser.getText())) != null) {
                    throw new IllegalStateException("repeated key " + name);
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalStateException("trailing content: " + line);
            }
        }
        return values;
    }
}
