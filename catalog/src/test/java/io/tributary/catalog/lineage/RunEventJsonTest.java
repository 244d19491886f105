package io.tributary.catalog.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.openlineage.client.OpenLineage.RunEvent;

class RunEventJsonTest {

    private static final String PRODUCER = "https://tributary.io/ingestion-service";
    private static final UUID RUN = UUID.fromString("3b452093-782c-4ef2-9c0c-aafe2aa6f34d");
    private static final Instant AT = Instant.parse("2024-01-05T10:15:30.123456789Z");

    private final LineageEvents lineage = new LineageEvents(PRODUCER);

    @Test
    void writesCompleteEventWithRequiredKeysAndFacets() {
        RunEvent event = lineage.event(RunEvent.EventType.COMPLETE, AT, RUN)
                .runFacet(RecordCountsRunFacet.NAME, lineage.recordCounts(8, 3, 4, 1))
                .job(Namespaces.TRIBUTARY, "ingest.shop", LineageEvents.BATCH, "INGESTION")
                .input(lineage.input(Namespaces.FILE, "/landing/shop/a.csv",
                        lineage.schemaOfNames(List.of("Row ID", "Sales"))))
                .output(lineage.output(Namespaces.kafka("127.0.0.1:9092"), "tributary-records-accepted", null, null,
                        3L))
                .output(lineage.output(Namespaces.TRIBUTARY, "sales", lineage.schema(List.of(
                        LineageEvents.field("row_id", "integer"), LineageEvents.field("sales", "number"))), null, 3L))
                .build();

        JsonNode json = LineageJson.read(LineageJson.write(event));

        assertEquals(List.of(), OpenLineageShape.problems(json));
        assertEquals(Set.of("eventType", "eventTime", "run", "job", "inputs", "outputs", "producer", "schemaURL"),
                Set.copyOf(names(json)));
        assertEquals("COMPLETE", json.get("eventType").asText());
        assertEquals("2024-01-05T10:15:30.123456Z", json.get("eventTime").asText());
        assertEquals(RUN.toString(), json.at("/run/runId").asText());
        assertEquals(PRODUCER, json.get("producer").asText());
        assertEquals("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent", json.get("schemaURL").asText());

        JsonNode counts = json.at("/run/facets/tributary_recordCounts");
        assertEquals(List.of("_producer", "_schemaURL", "received", "accepted", "quarantined", "duplicates"),
                names(counts));
        assertEquals(8, counts.get("received").asLong());
        assertEquals(RecordCountsRunFacet.SCHEMA_URL.toString(), counts.get("_schemaURL").asText());
        assertEquals("BATCH", json.at("/job/facets/jobType/processingType").asText());
        assertEquals("TRIBUTARY", json.at("/job/facets/jobType/integration").asText());

        assertEquals("file", json.at("/inputs/0/namespace").asText());
        assertEquals("Row ID", json.at("/inputs/0/facets/schema/fields/0/name").asText());
        assertFalse(json.at("/inputs/0/facets/schema/fields/0").has("type"), "unknown types are left out");
        assertFalse(json.at("/inputs/0").has("inputFacets"), "empty facet maps are left out");

        assertEquals("kafka://127.0.0.1:9092", json.at("/outputs/0/namespace").asText());
        assertEquals(3, json.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong());
        assertFalse(json.at("/outputs/0/outputFacets/outputStatistics").has("size"));
        assertFalse(json.at("/outputs/0").has("facets"), "empty facet maps are left out");
        assertEquals("integer", json.at("/outputs/1/facets/schema/fields/0/type").asText());
        assertTrue(json.at("/outputs/1/facets/schema/_schemaURL").asText()
                .startsWith("https://openlineage.io/spec/facets/"));
        assertTrue(json.at("/outputs/1/facets/schema/_schemaURL").asText()
                .endsWith("/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"));
    }

    @Test
    void writesFailEventWithErrorMessageFacet() {
        RunEvent event = lineage.event(RunEvent.EventType.FAIL, AT, RUN)
                .errorMessage("dataset 'x' has no data contract")
                .job(Namespaces.TRIBUTARY, "ingest.shop")
                .input(lineage.input(Namespaces.FILE, "/landing/shop/a.csv"))
                .build();

        JsonNode json = LineageJson.read(LineageJson.write(event));

        assertEquals(List.of(), OpenLineageShape.problems(json));
        assertEquals("FAIL", json.get("eventType").asText());
        JsonNode error = json.at("/run/facets/errorMessage");
        assertEquals("dataset 'x' has no data contract", error.get("message").asText());
        assertEquals("JAVA", error.get("programmingLanguage").asText());
        assertFalse(error.has("stackTrace"));
        assertTrue(json.get("outputs").isArray() && json.get("outputs").isEmpty());
    }

    @Test
    void writesEveryEventType() {
        for (RunEvent.EventType type : RunEvent.EventType.values()) {
            RunEvent event = lineage.event(type, AT, RUN).job(Namespaces.TRIBUTARY, "ingest.shop").build();
            JsonNode json = LineageJson.read(LineageJson.write(event));
            assertEquals(type.name(), json.get("eventType").asText());
            assertEquals(List.of(), OpenLineageShape.problems(json));
            assertFalse(json.get("run").has("facets"));
            assertFalse(json.get("job").has("facets"));
        }
        assertEquals(Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"),
                Set.of(RunEvent.EventType.values()).stream().map(Enum::name).collect(Collectors.toSet()));
    }

    @Test
    void refusesEventMissingWhatTheSpecRequires() {
        assertThrows(IllegalArgumentException.class, () -> new LineageEvents("not a uri"));
        assertThrows(IllegalArgumentException.class, () -> new LineageEvents("tributary"));
        assertThrows(NullPointerException.class, () -> lineage.event(null, AT, RUN));
        assertThrows(NullPointerException.class, () -> lineage.event(RunEvent.EventType.START, null, RUN));
        assertThrows(NullPointerException.class, () -> lineage.event(RunEvent.EventType.START, AT, null));
        assertThrows(IllegalStateException.class, () -> lineage.event(RunEvent.EventType.START, AT, RUN).build());
        assertThrows(IllegalArgumentException.class, () -> lineage.event(RunEvent.EventType.START, AT, RUN)
                .job("tributary", " "));
        assertThrows(IllegalArgumentException.class, () -> lineage.input("file", ""));
        assertThrows(IllegalArgumentException.class, () -> LineageEvents.field("", null));
    }

    @Test
    void namesKafkaClusterByItsFirstBootstrapServer() {
        assertEquals("kafka://broker-1:9092", Namespaces.kafka("broker-1:9092,broker-2:9092"));
        assertEquals("kafka://broker-1:9092", Namespaces.kafka("PLAINTEXT://Broker-1:9092"));
        assertThrows(IllegalArgumentException.class, () -> Namespaces.kafka(" "));
    }

    @Test
    void keepsDatasetsToFindTheEventBy() {
        RunEvent event = lineage.event(RunEvent.EventType.START, AT, RUN)
                .job("tributary", "ingest.shop")
                .input(lineage.input("file", "/a.csv"))
                .output(lineage.output("tributary", "sales"))
                .output(lineage.output("tributary", "sales"))
                .build();
        LineageEventEntity entity = LineageEventEntity.of(event);
        assertEquals(RUN, entity.runId);
        assertEquals("START", entity.eventType);
        assertEquals("ingest.shop", entity.jobName);
        assertEquals(AT.truncatedTo(java.time.temporal.ChronoUnit.MICROS), entity.eventTime);
        assertEquals(Set.of(new LineageDatasetRef(LineageDatasetRef.Role.INPUT, "file", "/a.csv"),
                new LineageDatasetRef(LineageDatasetRef.Role.OUTPUT, "tributary", "sales")), entity.datasets);
        assertEquals(LineageJson.write(event), entity.event);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The structure OpenLineage 2-0-2 requires of a run event and of the standard facets written here, checked by hand
     * (no JSON Schema validator is on the catalog's test class path).
     */
    static final class OpenLineageShape {

        private static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL",
                "OTHER");

        static List<String> problems(JsonNode event) {
            List<String> problems = new ArrayList<>();
            for (String key : List.of("eventTime", "producer", "schemaURL", "run", "job")) {
                if (!event.has(key)) {
                    problems.add("$." + key + " is required");
                }
            }
            if (event.has("eventType") && !EVENT_TYPES.contains(event.get("eventType").asText())) {
                problems.add("$.eventType is not one of " + EVENT_TYPES);
            }
            dateTime(event.get("eventTime"), "$.eventTime", problems);
            uri(event.get("producer"), "$.producer", problems);
            uri(event.get("schemaURL"), "$.schemaURL", problems);
            JsonNode run = event.path("run");
            try {
                UUID.fromString(run.path("runId").asText());
            } catch (IllegalArgumentException e) {
                problems.add("$.run.runId is not a UUID");
            }
            facets(run.get("facets"), "$.run.facets", problems);
            text(event.path("job").get("namespace"), "$.job.namespace", problems);
            text(event.path("job").get("name"), "$.job.name", problems);
            facets(event.path("job").get("facets"), "$.job.facets", problems);
            datasets(event.get("inputs"), "$.inputs", "inputFacets", problems);
            datasets(event.get("outputs"), "$.outputs", "outputFacets", problems);
            return problems;
        }

        private static void datasets(JsonNode list, String path, String ownFacets, List<String> problems) {
            if (list == null) {
                return;
            }
            if (!list.isArray()) {
                problems.add(path + " is not an array");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode dataset = list.get(i);
                String at = path + "[" + i + "]";
                text(dataset.get("namespace"), at + ".namespace", problems);
                text(dataset.get("name"), at + ".name", problems);
                facets(dataset.get("facets"), at + ".facets", problems);
                facets(dataset.get(ownFacets), at + "." + ownFacets, problems);
            }
        }

        private static void facets(JsonNode facets, String path, List<String> problems) {
            if (facets == null) {
                return;
            }
            if (!facets.isObject()) {
                problems.add(path + " is not an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> facet = it.next();
                String at = path + "." + facet.getKey();
                uri(facet.getValue().get("_producer"), at + "._producer", problems);
                uri(facet.getValue().get("_schemaURL"), at + "._schemaURL", problems);
                standard(facet.getKey(), facet.getValue(), at, problems);
            }
        }

        private static void standard(String name, JsonNode facet, String path, List<String> problems) {
            switch (name) {
                case "schema" -> {
                    JsonNode fields = facet.path("fields");
                    for (int i = 0; i < fields.size(); i++) {
                        text(fields.get(i).get("name"), path + ".fields[" + i + "].name", problems);
                    }
                }
                case "outputStatistics" -> {
                    if (!facet.path("rowCount").isIntegralNumber()) {
                        problems.add(path + ".rowCount must be an integer");
                    }
                }
                case "errorMessage" -> {
                    text(facet.get("message"), path + ".message", problems);
                    text(facet.get("programmingLanguage"), path + ".programmingLanguage", problems);
                }
                case "jobType" -> {
                    text(facet.get("processingType"), path + ".processingType", problems);
                    text(facet.get("integration"), path + ".integration", problems);
                }
                case "columnLineage" -> columnLineage(facet, path, problems);
                case "parent" -> {
                    try {
                        UUID.fromString(facet.path("run").path("runId").asText());
                    } catch (IllegalArgumentException e) {
                        problems.add(path + ".run.runId is not a UUID");
                    }
                    text(facet.path("job").get("namespace"), path + ".job.namespace", problems);
                    text(facet.path("job").get("name"), path + ".job.name", problems);
                }
                default -> {
                    if (!name.contains("_")) {
                        problems.add(path + ": a custom facet's name needs a prefix");
                    }
                }
            }
        }

        private static void columnLineage(JsonNode facet, String path, List<String> problems) {
            JsonNode fields = facet.get("fields");
            if (fields == null || !fields.isObject()) {
                problems.add(path + ".fields must be an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode inputs = field.getValue().get("inputFields");
                if (inputs == null || !inputs.isArray()) {
                    problems.add(path + ".fields." + field.getKey() + ".inputFields must be an array");
                } else {
                    inputFields(inputs, path + ".fields." + field.getKey() + ".inputFields", problems);
                }
            }
            if (facet.has("dataset")) {
                inputFields(facet.get("dataset"), path + ".dataset", problems);
            }
        }

        private static void inputFields(JsonNode inputs, String path, List<String> problems) {
            for (int i = 0; i < inputs.size(); i++) {
                JsonNode input = inputs.get(i);
                String at = path + "[" + i + "]";
                text(input.get("namespace"), at + ".namespace", problems);
                text(input.get("name"), at + ".name", problems);
                text(input.get("field"), at + ".field", problems);
                JsonNode transformations = input.path("transformations");
                for (int t = 0; t < transformations.size(); t++) {
                    String type = transformations.get(t).path("type").asText();
                    if (!type.equals("DIRECT") && !type.equals("INDIRECT")) {
                        problems.add(at + ".transformations[" + t + "].type must be DIRECT or INDIRECT");
                    }
                }
            }
        }

        private static void text(JsonNode node, String path, List<String> problems) {
            if (node == null || !node.isTextual() || node.asText().isEmpty()) {
                problems.add(path + " must be a non-empty string");
            }
        }

        private static void uri(JsonNode node, String path, List<String> problems) {
            text(node, path, problems);
            if (node != null && node.isTextual()) {
                try {
                    if (!URI.create(node.asText()).isAbsolute()) {
                        problems.add(path + " is not an absolute URI");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(path + " is not a URI");
                }
            }
        }

        private static void dateTime(JsonNode node, String path, List<String> problems) {
            text(node, path, problems);
            if (node != null && node.isTextual()) {
                try {
                    OffsetDateTime.parse(node.asText());
                } catch (RuntimeException e) {
                    problems.add(path + " is not an RFC 3339 date-time");
                }
            }
        }
    }
}
