package io.tributary.catalog.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.openlineage.client.OpenLineage.ColumnLineageDatasetFacet;
import io.openlineage.client.OpenLineage.InputField;
import io.openlineage.client.OpenLineage.InputFieldTransformations;
import io.openlineage.client.OpenLineage.RunEvent;

class ColumnLineageJsonTest {

    private static final String PRODUCER = "https://tributary.io/transform-service";
    private static final UUID RUN = UUID.fromString("0f0e2c2a-4f8e-3d55-9a4b-6c1f7d0e9b21");
    private static final Instant AT = Instant.parse("2024-01-05T10:15:30Z");

    private final LineageEvents lineage = new LineageEvents(PRODUCER);

    private InputField sales(String field, InputFieldTransformations transformation) {
        return lineage.inputField(Namespaces.TRIBUTARY, "sales", field, transformation);
    }

    private RunEvent eventWith(ColumnLineageDatasetFacet columns) {
        return lineage.event(RunEvent.EventType.START, AT, RUN)
                .job(Namespaces.TRIBUTARY, "transform.sales")
                .parent(RUN, Namespaces.TRIBUTARY, "transform.all")
                .input(lineage.input(Namespaces.TRIBUTARY, "sales"))
                .output(lineage.output(Namespaces.TRIBUTARY, "curated.sales", null, columns, null))
                .build();
    }

    @Test
    void writesFieldsWithTheirInputFieldsAndTransformationsInTheSpecShape() {
        Map<String, List<InputField>> fields = new LinkedHashMap<>();
        fields.put("order_id", List.of(sales("row_id", lineage.identity())));
        fields.put("net", List.of(
                sales("sales", lineage.transformation("sales - discount * sales")),
                sales("discount", lineage.transformation("sales - discount * sales"))));
        ColumnLineageDatasetFacet columns = lineage.columnLineage(fields, List.of());

        JsonNode json = LineageJson.read(LineageJson.write(eventWith(columns)));

        assertEquals(List.of(), RunEventJsonTest.OpenLineageShape.problems(json));
        JsonNode facet = json.at("/outputs/0/facets/columnLineage");
        assertEquals(List.of("_producer", "_schemaURL", "fields"), names(facet), "an empty dataset list is left out");
        assertEquals("https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json"
                + "#/$defs/ColumnLineageDatasetFacet", facet.get("_schemaURL").asText());
        assertEquals(List.of("order_id", "net"), names(facet.get("fields")));
        JsonNode orderId = facet.at("/fields/order_id/inputFields/0");
        assertEquals(List.of("namespace", "name", "field", "transformations"), names(orderId));
        assertEquals("tributary", orderId.get("namespace").asText());
        assertEquals("sales", orderId.get("name").asText());
        assertEquals("row_id", orderId.get("field").asText());
        JsonNode identity = orderId.at("/transformations/0");
        assertEquals(List.of("type", "subtype", "masking"), names(identity), "a null description is left out");
        assertEquals("DIRECT", identity.get("type").asText());
        assertEquals("IDENTITY", identity.get("subtype").asText());
        assertFalse(identity.get("masking").asBoolean());
        JsonNode net = facet.at("/fields/net/inputFields");
        assertEquals(2, net.size());
        assertEquals("discount", net.at("/1/field").asText());
        assertEquals("TRANSFORMATION", net.at("/1/transformations/0/subtype").asText());
        assertEquals("sales - discount * sales", net.at("/1/transformations/0/description").asText());
    }

    @Test
    void writesInputsThatAffectTheWholeDatasetAsIndirect() {
        ColumnLineageDatasetFacet columns = lineage.columnLineage(
                Map.of("total", List.of(sales("sales", lineage.aggregation("sum")))),
                List.of(sales("region", lineage.indirect(LineageEvents.GROUP_BY, null))));

        JsonNode json = LineageJson.read(LineageJson.write(eventWith(columns)));

        assertEquals(List.of(), RunEventJsonTest.OpenLineageShape.problems(json));
        JsonNode facet = json.at("/outputs/0/facets/columnLineage");
        assertEquals("AGGREGATION", facet.at("/fields/total/inputFields/0/transformations/0/subtype").asText());
        assertEquals("region", facet.at("/dataset/0/field").asText());
        assertEquals("INDIRECT", facet.at("/dataset/0/transformations/0/type").asText());
        assertEquals("GROUP_BY", facet.at("/dataset/0/transformations/0/subtype").asText());
    }

    @Test
    void writesTheParentRunOfARun() {
        JsonNode json = LineageJson.read(LineageJson.write(eventWith(lineage.columnLineage(Map.of(), List.of()))));
        JsonNode parent = json.at("/run/facets/parent");
        assertEquals(List.of("_producer", "_schemaURL", "run", "job"), names(parent));
        assertEquals(RUN.toString(), parent.at("/run/runId").asText());
        assertEquals("transform.all", parent.at("/job/name").asText());
        assertTrue(parent.get("_schemaURL").asText().endsWith("/ParentRunFacet.json#/$defs/ParentRunFacet"));
    }

    @Test
    void refusesAnInputFieldWithoutDatasetOrField() {
        assertThrows(IllegalArgumentException.class,
                () -> lineage.inputField("tributary", "sales", "", lineage.identity()));
        assertThrows(IllegalArgumentException.class,
                () -> lineage.inputField("tributary", " ", "a", lineage.identity()));
        assertThrows(IllegalArgumentException.class, () -> lineage.columnLineage(Map.of("", List.of()), List.of()));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
