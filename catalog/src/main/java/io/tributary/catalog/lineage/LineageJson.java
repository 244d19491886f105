package io.tributary.catalog.lineage;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClientUtils;

/** The JSON form of run events: written by the OpenLineage client's own writer, read back as trees. */
public final class LineageJson {

    private static final ObjectMapper READER = JsonMapper.builder().build();

    private LineageJson() {
    }

    public static String write(RunEvent event) {
        return OpenLineageClientUtils.toJson(event);
    }

    /** A stored event as a tree, to be served or inspected as it was written. */
    public static JsonNode read(String json) {
        try {
            return READER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON run event: " + e.getMessage(), e);
        }
    }
}
