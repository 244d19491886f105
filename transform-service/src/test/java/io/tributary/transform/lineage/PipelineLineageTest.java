package io.tributary.transform.lineage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class PipelineLineageTest {

    @Inject
    AgroalDataSource dataSource;

    private CatalogFixtures catalog;
    private String dataset;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @BeforeEach
    void dataset() throws SQLException {
        catalog = new CatalogFixtures(dataSource);
        dataset = "orders_" + System.nanoTime() % 1_000_000_000L;
        catalog.dataset(dataset, "Europe/Paris", """
                - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: placed_at, logicalType: string}
                - {name: amount, logicalType: number}
                - {name: discount, logicalType: number}
                """);
    }

    private String pipeline(String steps) {
        return """
                name: %s
                dataset: %s
                key: [order_id]
                eventTime: placed_at
                steps:
                  - rename: {id: order_id}
                  - timezone: {field: placed_at}
                %s
                aggregate: {dimensions: [], measures: [amount]}
                """.formatted(dataset, dataset, steps.indent(2));
    }

    private List<Map<String, Object>> events(String job) throws SQLException {
        return catalog.query("select run_id::text as run, event_type as type, event::text as event from "
                + "catalog.lineage_event where job_namespace = 'tributary' and job_name = '" + job
                + "' order by id");
    }

    private static JsonNode curatedOutput(Map<String, Object> event) {
        JsonNode json = LineageJson.read((String) event.get("event"));
        for (JsonNode output : json.get("outputs")) {
            if (output.get("name").asText().startsWith("curated.") && !output.get("name").asText().endsWith("_agg")) {
                return output;
            }
        }
        throw new AssertionError("no curated table in " + json);
    }

    @Test
    void eachVersionStartsARunThatTheNextVersionCompletes() throws SQLException {
        CatalogFixtures.declare(pipeline(""));
        CatalogFixtures.declare(pipeline("- derive: {net: \"amount - discount * amount\"}"));

        String first = PipelineRunEvents.runId(dataset, 1).toString();
        String second = PipelineRunEvents.runId(dataset, 2).toString();
        List<Map<String, Object>> events = events("transform." + dataset);
        assertEquals(List.of(first + " START", first + " COMPLETE", second + " START"),
                events.stream().map(e -> e.get("run") + " " + e.get("type")).toList());

        JsonNode firstLineage = curatedOutput(events.get(0)).at("/facets/columnLineage/fields");
        assertEquals("id", firstLineage.at("/order_id/inputFields/0/field").asText());
        assertEquals(dataset, firstLineage.at("/order_id/inputFields/0/name").asText());
        assertEquals("IDENTITY", firstLineage.at("/order_id/inputFields/0/transformations/0/subtype").asText());
        assertEquals("TRANSFORMATION",
                firstLineage.at("/placed_at/inputFields/0/transformations/0/subtype").asText());

        JsonNode complete = LineageJson.read((String) events.get(1).get("event"));
        assertEquals(0, complete.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong());

        JsonNode start = LineageJson.read((String) events.get(2).get("event"));
        assertEquals(dataset, start.at("/inputs/0/name").asText());
        assertEquals("number", start.at("/inputs/0/facets/schema/fields/2/type").asText());
        JsonNode net = curatedOutput(events.get(2)).at("/facets/columnLineage/fields/net/inputFields");
        Set<String> inputs = new HashSet<>();
        net.forEach(input -> inputs.add(input.get("field").asText()));
        assertEquals(Set.of("amount", "discount"), inputs);
        assertEquals("amount - discount * amount", net.at("/0/transformations/0/description").asText());
        assertEquals(1L, catalog.single("select count(*) from catalog.lineage_dataset d join catalog.lineage_event "
                + "e on e.id = d.event_id where e.run_id = '" + second + "' and d.role = 'OUTPUT' and d.name = "
                + "'curated." + dataset + "_agg'"));
    }

    @Test
    void eachBackfillIsARunUnderItsVersionsRun() throws SQLException {
        CatalogFixtures.declare(pipeline(""));
        await().atMost(Duration.ofSeconds(30)).until(() -> events("transform." + dataset + ".backfill").stream()
                .anyMatch(e -> e.get("type").equals("COMPLETE")));
        List<Map<String, Object>> backfill = events("transform." + dataset + ".backfill");
        assertEquals(List.of("START", "COMPLETE"), backfill.stream().map(e -> e.get("type")).toList());
        JsonNode start = LineageJson.read((String) backfill.get(0).get("event"));
        assertEquals(PipelineRunEvents.runId(dataset, 1).toString(), start.at("/run/facets/parent/run/runId")
                .asText());
        assertTrue(start.at("/inputs/0/namespace").asText().startsWith("kafka://"), start.toString());
        assertEquals(catalog.single("select id::text from catalog.pipeline_backfill where pipeline = '" + dataset
                + "'"), start.at("/run/runId").asText());
    }
}
