package io.tributary.ingestion.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.tributary.catalog.lineage.LineageEvents;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.ingestion.batch.BatchCounts;
import io.tributary.ingestion.batch.BatchLifecycle;
import io.tributary.ingestion.batch.BatchLifecycle.Phase;

class BatchRunEventsTest {

    private static final UUID BATCH = UUID.fromString("0b8f8c1e-2f6a-4d7e-9a55-0c1d2e3f4a5b");
    private static final Instant AT = Instant.parse("2024-01-05T10:15:30Z");
    private static final String FILE = "/landing/shop/" + BATCH + "-sales.csv";
    private static final List<SchemaDatasetFacetFields> CONTRACT = List.of(
            LineageEvents.field("row_id", "integer"), LineageEvents.field("sales", "number"));

    private final BatchRunEvents events = new BatchRunEvents("kafka://127.0.0.1:9092");

    @Test
    void startsRunWithFileAsInputAndDeclaredOutputs() {
        List<RunEvent> start = events.of(step(Phase.STARTED, List.of("Row ID", "Sales"), null, null), CONTRACT, false);

        assertEquals(1, start.size());
        JsonNode json = json(start.get(0));
        assertEquals("START", json.get("eventType").asText());
        assertEquals(BATCH.toString(), json.at("/run/runId").asText());
        assertEquals("tributary", json.at("/job/namespace").asText());
        assertEquals("ingest.shop", json.at("/job/name").asText());
        assertEquals("BATCH", json.at("/job/facets/jobType/processingType").asText());
        assertEquals("INGESTION", json.at("/job/facets/jobType/jobType").asText());
        assertEquals("file", json.at("/inputs/0/namespace").asText());
        assertEquals(FILE, json.at("/inputs/0/name").asText());
        assertEquals("Row ID", json.at("/inputs/0/facets/schema/fields/0/name").asText());
        assertEquals("kafka://127.0.0.1:9092", json.at("/outputs/0/namespace").asText());
        assertEquals("tributary-records-accepted.sales", json.at("/outputs/0/name").asText());
        assertEquals("tributary", json.at("/outputs/1/namespace").asText());
        assertEquals("sales", json.at("/outputs/1/name").asText());
        assertEquals("number", json.at("/outputs/1/facets/schema/fields/1/type").asText());
        assertFalse(json.at("/outputs/1").has("outputFacets"), "nothing is written yet");
    }

    @Test
    void completesRunWithCountsAndOutputStatistics() {
        List<RunEvent> complete = events.of(step(Phase.COMPLETED, List.of("Row ID", "Sales"),
                new BatchCounts(8, 3, 4, 1), null), CONTRACT, true);

        assertEquals(1, complete.size());
        JsonNode json = json(complete.get(0));
        assertEquals("COMPLETE", json.get("eventType").asText());
        JsonNode counts = json.at("/run/facets/tributary_recordCounts");
        assertEquals(8, counts.get("received").asLong());
        assertEquals(3, counts.get("accepted").asLong());
        assertEquals(4, counts.get("quarantined").asLong());
        assertEquals(1, counts.get("duplicates").asLong());
        assertEquals(BatchRunEvents.PRODUCER, counts.get("_producer").asText());
        assertTrue(counts.get("_schemaURL").asText().startsWith("https://"));
        assertEquals(3, json.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong());
        assertEquals(3, json.at("/outputs/1/outputFacets/outputStatistics/rowCount").asLong());
        assertEquals("row_id", json.at("/outputs/1/facets/schema/fields/0/name").asText());
    }

    @Test
    void failsRunWithErrorMessageAndStartsItFirstWhenItNeverStarted() {
        List<RunEvent> failed = events.of(
                new BatchLifecycle(Phase.FAILED, BATCH, "shop", "sales", 0, FILE, List.of(), null,
                        "dataset 'sales' has no data contract", AT),
                List.of(), false);

        assertEquals(List.of(RunEvent.EventType.START, RunEvent.EventType.FAIL),
                failed.stream().map(RunEvent::getEventType).toList());
        JsonNode json = json(failed.get(1));
        assertEquals("dataset 'sales' has no data contract", json.at("/run/facets/errorMessage/message").asText());
        assertEquals("JAVA", json.at("/run/facets/errorMessage/programmingLanguage").asText());
        assertEquals(FILE, json.at("/inputs/0/name").asText());
        assertTrue(json.get("outputs").isEmpty(), "without a contract nothing can be written");
        assertFalse(json.at("/inputs/0").has("facets"), "no header was read");
    }

    @Test
    void continuesRunThatHadStartedBefore() {
        List<RunEvent> again = events.of(step(Phase.STARTED, List.of(), null, null), CONTRACT, true);
        assertEquals(List.of(RunEvent.EventType.RUNNING), again.stream().map(RunEvent::getEventType).toList());
    }

    private static BatchLifecycle step(Phase phase, List<String> fields, BatchCounts counts, String error) {
        return new BatchLifecycle(phase, BATCH, "shop", "sales", 1, FILE, fields, counts, error, AT);
    }

    private static JsonNode json(RunEvent event) {
        return LineageJson.read(LineageJson.write(event));
    }
}
