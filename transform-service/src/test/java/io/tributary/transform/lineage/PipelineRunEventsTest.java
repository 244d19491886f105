package io.tributary.transform.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.tributary.catalog.lineage.LineageEvents;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.transform.backfill.BackfillLifecycle;
import io.tributary.transform.backfill.BackfillService;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineCompiler;
import io.tributary.transform.pipeline.PipelineReader;

class PipelineRunEventsTest {

    private static final Instant AT = Instant.parse("2024-03-01T09:00:00Z");
    private static final Map<String, FieldType> SALES = new LinkedHashMap<>();
    static {
        SALES.put("row_id", FieldType.INTEGER);
        SALES.put("order_date", FieldType.DATE);
        SALES.put("state", FieldType.TEXT);
        SALES.put("customer", FieldType.TEXT);
        SALES.put("sales", FieldType.DECIMAL);
        SALES.put("discount", FieldType.DECIMAL);
        SALES.put("quantity", FieldType.TEXT);
    }
    private static final List<SchemaDatasetFacetFields> CONTRACT = List.of(
            LineageEvents.field("row_id", "integer"), LineageEvents.field("sales", "number"));

    private final PipelineRunEvents events = new PipelineRunEvents("kafka://broker:9092");

    private static CompiledPipeline compile(String steps) {
        return PipelineCompiler.compile(PipelineReader.read("""
                name: sales
                dataset: sales
                key: [row_id]
                eventTime: order_date
                steps:
                %s
                aggregate: {dimensions: [region], measures: [net]}
                """.formatted(steps.indent(2)), true), 2, SALES,
                name -> name.equals("regions") ? Optional.of(regions()) : Optional.empty());
    }

    private static CompiledPipeline regions() {
        return PipelineCompiler.compile(PipelineReader.read("""
                name: regions
                dataset: regions
                kind: reference
                key: [state]
                """, true), 1, Map.of("state", FieldType.TEXT, "region", FieldType.TEXT), name -> Optional.empty());
    }

    private static final String STEPS = """
            - rename: {customer: customer_name}
            - normalise: {fields: [state], case: upper}
            - cast: {quantity: integer}
            - derive: {net: "sales - discount * sales"}
            - lookup: {reference: regions, key: state, fields: [region]}
            """;

    private JsonNode startOf(CompiledPipeline pipeline) {
        return LineageJson.read(LineageJson.write(events.start(pipeline, CONTRACT, AT)));
    }

    private static JsonNode output(JsonNode event, String name) {
        for (JsonNode output : event.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + event);
    }

    private static Set<String> fieldsOf(JsonNode inputFields) {
        Set<String> fields = new HashSet<>();
        inputFields.forEach(f -> fields.add(f.get("name").asText() + "." + f.get("field").asText()));
        return fields;
    }

    @Test
    void aRenamedFieldIsTheIdentityOfTheInputField() {
        JsonNode lineage = output(startOf(compile(STEPS)), "curated.sales").at("/facets/columnLineage/fields");
        JsonNode input = lineage.at("/customer_name/inputFields/0");
        assertEquals("tributary", input.get("namespace").asText());
        assertEquals("sales", input.get("name").asText());
        assertEquals("customer", input.get("field").asText());
        assertEquals("DIRECT", input.at("/transformations/0/type").asText());
        assertEquals("IDENTITY", input.at("/transformations/0/subtype").asText());
        assertFalse(lineage.has("customer"), "the old name is not a column");
        assertEquals("IDENTITY", lineage.at("/row_id/inputFields/0/transformations/0/subtype").asText());
    }

    @Test
    void aDerivedFieldIsATransformationOfEveryFieldItsExpressionReads() {
        JsonNode net = output(startOf(compile(STEPS)), "curated.sales").at("/facets/columnLineage/fields/net");
        assertEquals(Set.of("sales.sales", "sales.discount"), fieldsOf(net.get("inputFields")));
        for (JsonNode input : net.get("inputFields")) {
            assertEquals("DIRECT", input.at("/transformations/0/type").asText());
            assertEquals("TRANSFORMATION", input.at("/transformations/0/subtype").asText());
            assertEquals("sales - discount * sales", input.at("/transformations/0/description").asText());
        }
    }

    @Test
    void castNormalisedAndTimeZoneFieldsAreTransformationsEvenWhenRenamedAfterwards() {
        CompiledPipeline pipeline = PipelineCompiler.compile(PipelineReader.read("""
                name: sales
                dataset: sales
                steps:
                  - normalise: {fields: [state], case: upper}
                  - rename: {state: state_code}
                  - cast: {quantity: integer}
                  - timezone: {field: customer, zone: UTC}
                """, true), 1, SALES, name -> Optional.empty());
        JsonNode lineage = output(startOf(pipeline), "curated.sales").at("/facets/columnLineage/fields");
        assertEquals("TRANSFORMATION", lineage.at("/quantity/inputFields/0/transformations/0/subtype").asText());
        assertEquals("state", lineage.at("/state_code/inputFields/0/field").asText());
        assertEquals("TRANSFORMATION", lineage.at("/state_code/inputFields/0/transformations/0/subtype").asText());
        assertEquals("TRANSFORMATION", lineage.at("/customer/inputFields/0/transformations/0/subtype").asText());
        assertEquals("IDENTITY", lineage.at("/discount/inputFields/0/transformations/0/subtype").asText());
        assertFalse(output(startOf(pipeline), "curated.sales").at("/facets/columnLineage").has("dataset"));
    }

    @Test
    void aLookedUpFieldComesFromTheReferencePipelinesCuratedTableJoinedOnItsKey() {
        JsonNode start = startOf(compile(STEPS));
        JsonNode facet = output(start, "curated.sales").at("/facets/columnLineage");
        JsonNode region = facet.at("/fields/region/inputFields/0");
        assertEquals("tributary", region.get("namespace").asText());
        assertEquals("curated.regions", region.get("name").asText());
        assertEquals("region", region.get("field").asText());
        assertEquals("IDENTITY", region.at("/transformations/0/subtype").asText());
        JsonNode join = facet.at("/dataset/0");
        assertEquals("state", join.get("field").asText());
        assertEquals("sales", join.get("name").asText());
        assertEquals("INDIRECT", join.at("/transformations/0/type").asText());
        assertEquals("JOIN", join.at("/transformations/0/subtype").asText());
        assertEquals("curated.regions", start.at("/inputs/1/name").asText(), "the reference table is an input");
    }

    @Test
    void startsTheVersionsStreamingRunReadingTheDatasetAndWritingEveryTable() {
        CompiledPipeline pipeline = compile(STEPS);
        RunEvent event = events.start(pipeline, CONTRACT, AT);
        JsonNode json = LineageJson.read(LineageJson.write(event));

        assertEquals("START", json.get("eventType").asText());
        assertEquals(PipelineRunEvents.runId("sales", 2), event.getRun().getRunId());
        assertEquals(PipelineRunEvents.runId("sales", 2), PipelineRunEvents.runId("sales", 2));
        assertNotEquals(PipelineRunEvents.runId("sales", 1), PipelineRunEvents.runId("sales", 2));
        assertEquals("tributary", json.at("/job/namespace").asText());
        assertEquals("transform.sales", json.at("/job/name").asText());
        assertEquals("STREAMING", json.at("/job/facets/jobType/processingType").asText());
        assertEquals("TRIBUTARY", json.at("/job/facets/jobType/integration").asText());
        assertEquals("PIPELINE", json.at("/job/facets/jobType/jobType").asText());
        assertEquals("https://tributary.io/transform-service", json.get("producer").asText());

        assertEquals("sales", json.at("/inputs/0/name").asText());
        assertEquals("number", json.at("/inputs/0/facets/schema/fields/1/type").asText());
        assertEquals(List.of("curated.sales", "curated.sales_agg"), names(json.get("outputs")));
        JsonNode curated = output(json, "curated.sales");
        assertEquals("customer_name", curated.at("/facets/schema/fields/3/name").asText());
        assertEquals("numeric", curated.at("/facets/schema/fields/" + (pipeline.output().size() - 2) + "/type")
                .asText());

        JsonNode aggregate = output(json, "curated.sales_agg");
        assertEquals(List.of("_bucket", "region", "net", "_lines"),
                names(aggregate.at("/facets/schema/fields"), "name"));
        JsonNode lineage = aggregate.at("/facets/columnLineage");
        assertEquals(Set.of("sales.sales", "sales.discount"), fieldsOf(lineage.at("/fields/net/inputFields")));
        assertEquals("AGGREGATION", lineage.at("/fields/net/inputFields/0/transformations/0/subtype").asText());
        assertEquals("curated.regions", lineage.at("/fields/region/inputFields/0/name").asText());
        assertEquals("order_date", lineage.at("/fields/_bucket/inputFields/0/field").asText());
        assertEquals(Set.of("sales.order_date", "curated.regions.region"), fieldsOf(lineage.get("dataset")));
    }

    @Test
    void completesASupersededVersionWithTheRowsItWrote() {
        CompiledPipeline pipeline = compile(STEPS);
        JsonNode json = LineageJson.read(LineageJson.write(events.complete(pipeline.definition(), 1, 42L, AT)));
        assertEquals("COMPLETE", json.get("eventType").asText());
        assertEquals(PipelineRunEvents.runId("sales", 1).toString(), json.at("/run/runId").asText());
        assertEquals(List.of("sales", "curated.regions"), names(json.get("inputs")));
        assertEquals(42, json.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong());
        assertFalse(json.at("/outputs/1").has("outputFacets"), "the aggregate's rows are not counted");
    }

    @Test
    void aBackfillIsABatchRunUnderItsVersionsRunStartedBeforeItEnds() {
        UUID id = UUID.randomUUID();
        CompiledPipeline pipeline = compile(STEPS);
        List<RunEvent> failed = events.backfill(new BackfillLifecycle(BackfillLifecycle.Phase.FAILED, id, "sales", 2,
                BackfillService.Source.TOPIC, "broker gone", AT), pipeline.definition(), false);
        assertEquals(List.of(RunEvent.EventType.START, RunEvent.EventType.FAIL),
                failed.stream().map(RunEvent::getEventType).toList());
        JsonNode fail = LineageJson.read(LineageJson.write(failed.get(1)));
        assertEquals(id.toString(), fail.at("/run/runId").asText());
        assertEquals("transform.sales.backfill", fail.at("/job/name").asText());
        assertEquals("BATCH", fail.at("/job/facets/jobType/processingType").asText());
        assertEquals(PipelineRunEvents.runId("sales", 2).toString(), fail.at("/run/facets/parent/run/runId").asText());
        assertEquals("transform.sales", fail.at("/run/facets/parent/job/name").asText());
        assertEquals("broker gone", fail.at("/run/facets/errorMessage/message").asText());
        assertEquals("kafka://broker:9092", fail.at("/inputs/0/namespace").asText());
        assertEquals("tributary-records-accepted.sales", fail.at("/inputs/0/name").asText());

        List<RunEvent> table = events.backfill(new BackfillLifecycle(BackfillLifecycle.Phase.COMPLETED, id, "sales",
                2, BackfillService.Source.TABLE, null, AT), pipeline.definition(), true);
        assertEquals(1, table.size());
        JsonNode complete = LineageJson.read(LineageJson.write(table.get(0)));
        assertEquals("COMPLETE", complete.get("eventType").asText());
        assertEquals(List.of("sales", "curated.regions"), names(complete.get("inputs")));
        assertTrue(complete.at("/outputs/0/name").asText().equals("curated.sales"));
    }

    private static List<String> names(JsonNode datasets) {
        return names(datasets, "name");
    }

    private static List<String> names(JsonNode list, String key) {
        List<String> names = new ArrayList<>();
        list.forEach(node -> names.add(node.get(key).asText()));
        return names;
    }
}
