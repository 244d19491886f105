package io.tributary.catalog.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.lineage.ColumnLineageDatasetFacet.Fields;
import io.tributary.catalog.lineage.ColumnLineageDatasetFacet.InputField;
import io.tributary.catalog.lineage.ColumnLineageDatasetFacet.Transformation;

class ColumnLineageJsonTest {

    private static final String PRODUCER = "https://tributary.io/transform-service";
    private static final UUID RUN = UUID.fromString("0f0e2c2a-4f8e-3d55-9a4b-6c1f7d0e9b21");
    private static final Instant AT = Instant.parse("2024-01-05T10:15:30Z");

    private final Facets facets = new Facets(PRODUCER);

    private static InputField sales(String field, Transformation transformation) {
        return new InputField(OpenLineage.TRIBUTARY_NAMESPACE, "sales", field, List.of(transformation));
    }

    private RunEvent eventWith(ColumnLineageDatasetFacet lineage) {
        return RunEvent.builder(PRODUCER).eventType(RunEvent.EventType.START).eventTime(AT).runId(RUN)
                .job(OpenLineage.TRIBUTARY_NAMESPACE, "transform.sales")
                .runFacet(ParentRunFacet.NAME, facets.parent(RUN, OpenLineage.TRIBUTARY_NAMESPACE, "transform.all"))
                .input(InputDataset.of(OpenLineage.TRIBUTARY_NAMESPACE, "sales"))
                .output(OutputDataset.of(OpenLineage.TRIBUTARY_NAMESPACE, "curated.sales")
                        .withFacet(ColumnLineageDatasetFacet.NAME, lineage))
                .build();
    }

    @Test
    void writesFieldsWithTheirInputFieldsAndTransformationsInTheSpecShape() {
        Map<String, Fields> fields = new LinkedHashMap<>();
        fields.put("order_id", new Fields(List.of(sales("row_id", Transformation.identity()))));
        fields.put("net", new Fields(List.of(
                sales("sales", Transformation.transformation("sales - discount * sales")),
                sales("discount", Transformation.transformation("sales - discount * sales")))));
        ColumnLineageDatasetFacet lineage = facets.columnLineage(fields);

        JsonNode json = LineageJson.read(eventWith(lineage).toJson());

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
        ColumnLineageDatasetFacet lineage = facets.columnLineage(
                Map.of("total", new Fields(List.of(sales("sales", Transformation.aggregation("sum"))))),
                List.of(sales("region", Transformation.indirect(Transformation.Subtype.GROUP_BY, null))));

        JsonNode json = LineageJson.read(eventWith(lineage).toJson());

        assertEquals(List.of(), RunEventJsonTest.OpenLineageShape.problems(json));
        JsonNode facet = json.at("/outputs/0/facets/columnLineage");
        assertEquals("AGGREGATION", facet.at("/fields/total/inputFields/0/transformations/0/subtype").asText());
        assertEquals("region", facet.at("/dataset/0/field").asText());
        assertEquals("INDIRECT", facet.at("/dataset/0/transformations/0/type").asText());
        assertEquals("GROUP_BY", facet.at("/dataset/0/transformations/0/subtype").asText());
    }

    @Test
    void writesTheParentRunOfARun() {
        JsonNode json = LineageJson.read(eventWith(facets.columnLineage(Map.of())).toJson());
        JsonNode parent = json.at("/run/facets/parent");
        assertEquals(List.of("_producer", "_schemaURL", "run", "job"), names(parent));
        assertEquals(RUN.toString(), parent.at("/run/runId").asText());
        assertEquals("transform.all", parent.at("/job/name").asText());
        assertEquals(ParentRunFacet.SCHEMA_URL, parent.get("_schemaURL").asText());
    }

    @Test
    void refusesAnInputFieldWithoutDatasetOrFieldAndATransformationWithoutType() {
        assertThrows(IllegalArgumentException.class, () -> new InputField("tributary", "sales", "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new InputField("tributary", " ", "a", List.of()));
        assertThrows(NullPointerException.class, () -> new Transformation(null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> facets.columnLineage(Map.of("", new Fields(List.of()))));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
