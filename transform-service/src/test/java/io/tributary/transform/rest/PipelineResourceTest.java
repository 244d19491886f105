package io.tributary.transform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tributary.catalog.curated.AggregateLayout;
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
class PipelineResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private String dataset;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @BeforeEach
    void dataset() throws SQLException {
        dataset = "orders_" + System.nanoTime() % 1_000_000_000L;
        new CatalogFixtures(dataSource).dataset(dataset, "Europe/Paris", """
                - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: placed_at, logicalType: string}
                - {name: amount, logicalType: number}
                """);
    }

    private static RequestSpecification yaml(String document) {
        return given().contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8));
    }

    private String pipeline(String steps) {
        return """
                name: %s
                dataset: %s
                eventTime: placed_at
                steps:
                  - timezone: {field: placed_at}
                %s
                aggregate: {dimensions: [], measures: [amount]}
                """.formatted(dataset, dataset, steps.indent(2));
    }

    @Test
    void storesEachChangedDocumentAsANewVersionWithItsTables() {
        yaml(pipeline("")).when().put("/api/pipelines/" + dataset)
                .then().statusCode(201)
                .header("Location", containsString("/api/pipelines/" + dataset + "/versions/1"))
                .body("version", is(1))
                .body("tables", hasItem("curated." + dataset + "_agg"));
        yaml(pipeline("")).when().put("/api/pipelines/" + dataset).then().statusCode(200).body("version", is(1));
        yaml(pipeline("- derive: {doubled: \"amount * 2\"}")).when().put("/api/pipelines/" + dataset)
                .then().statusCode(201).body("version", is(2));
        given().when().get("/api/pipelines/" + dataset + "/versions").then().statusCode(200)
                .body("version", hasItem(2));
        given().when().get("/api/pipelines/" + dataset + "/versions/1").then().statusCode(200)
                .body(containsString("timezone"));
        given().when().get("/api/pipelines").then().statusCode(200).body("name", hasItem(dataset));
    }

    @Test
    void storesWithEachVersionTheLayoutOfTheAggregateItCreated() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        yaml(pipeline("")).when().put("/api/pipelines/" + dataset).then().statusCode(201);

        AggregateLayout layout = AggregateLayout.fromJson((String) catalog.single("select aggregate_layout::text from "
                + "catalog.pipeline_version where name = '" + dataset + "' and version = 1"));
        assertEquals(new AggregateLayout(AggregateLayout.Bucket.TIMESTAMP, List.of(), List.of("amount")), layout);
        Map<String, Object> columns = new LinkedHashMap<>();
        catalog.query("select column_name::text, data_type::text from information_schema.columns where table_schema "
                + "= 'curated' and table_name = '" + dataset + "_agg' order by ordinal_position")
                .forEach(row -> columns.put((String) row.get("column_name"), row.get("data_type")));
        assertEquals(layout.columns(), columns);

        yaml(pipeline("").replace("aggregate: {dimensions: [], measures: [amount]}", ""))
                .when().put("/api/pipelines/" + dataset).then().statusCode(201);
        assertNull(catalog.single("select aggregate_layout from catalog.pipeline_version where name = '" + dataset
                + "' and version = 2"));
    }

    @Test
    void storesWithEachVersionTheFieldsEachCuratedColumnIsComputedFrom() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        yaml(pipeline("- derive: {doubled: \"amount * 2\"}")).when().put("/api/pipelines/" + dataset)
                .then().statusCode(201);

        String lineage = (String) catalog.single("select column_lineage::text from catalog.pipeline_version where "
                + "name = '" + dataset + "' and version = 1");
        assertTrue(lineage.contains("\"doubled\": [\"amount\"]"), lineage);
        assertTrue(lineage.contains("\"placed_at\": [\"placed_at\"]"), lineage);
    }

    @Test
    void reportsCountsLagAndThroughput() {
        yaml(pipeline("")).when().put("/api/pipelines/" + dataset).then().statusCode(201);
        given().when().get("/api/pipelines/" + dataset).then().statusCode(200)
                .body("version", is(1))
                .body("counts.received", is(0))
                .body("lagRecords", notNullValue())
                .body("recordsPerSecond", notNullValue())
                .body("problems.size()", is(0));
    }

    @Test
    void rejectsAnInvalidPipelineWithEveryProblemAndWhereItIs() {
        yaml(pipeline("- derive: {flag: \"missing > 1\"}\n- explode: {}")).when().put("/api/pipelines/" + dataset)
                .then().statusCode(400)
                .body("detail", containsString("cannot be used"))
                .body("problems", hasItem(containsString("unknown step 'explode'")));
        yaml(pipeline("- derive: {flag: \"missing > 1\"}")).when().put("/api/pipelines/" + dataset)
                .then().statusCode(400)
                .body("problems", hasItem(containsString("$.steps (derive flag): the expression reads 'missing'")));
        yaml("name: [").when().put("/api/pipelines/" + dataset).then().statusCode(400)
                .body("problems[0]", containsString("not valid YAML at line"));
        yaml(pipeline("")).when().put("/api/pipelines/other").then().statusCode(400)
                .body("problems[0]", containsString("was sent to /api/pipelines/other"));
    }

    @Test
    void refusesAVersionThatChangesTheTypeOfAColumn() {
        yaml(pipeline("- derive: {score: \"amount * 2\"}")).when().put("/api/pipelines/" + dataset)
                .then().statusCode(201);
        yaml(pipeline("- derive: {score: {expression: \"'x' + amount\", type: text}}"))
                .when().put("/api/pipelines/" + dataset)
                .then().statusCode(409)
                .body("problems[0]", containsString("column 'score'"));
    }

    @Test
    void refusesAPipelineNamedToCollideWithAnotherPipelinesTablesNamingTheOwner() throws SQLException {
        yaml(pipeline("")).when().put("/api/pipelines/" + dataset).then().statusCode(201);
        String intruder = dataset + "_agg";
        yaml(pipeline("").replaceFirst("name: " + dataset, "name: " + intruder)).when().put("/api/pipelines/" + intruder)
                .then().statusCode(409)
                .body("problems", hasItem(containsString("table curated." + intruder + " belongs to pipeline '"
                        + dataset + "'")));
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        assertEquals(0L, catalog.single("select count(*) from information_schema.columns where table_schema = "
                + "'curated' and table_name = '" + intruder + "' and column_name = '_key'"), "the aggregate is unaltered");
        assertEquals(0L, catalog.single("select count(*) from catalog.curated_table_owner where pipeline = '" + intruder
                + "'"), "the intruder claimed nothing");
        given().when().get("/api/pipelines/" + intruder).then().statusCode(404);
    }

    @Test
    void neverDropsATableOfAnotherPipelineThatAVersionWithoutItWouldDrop() throws SQLException {
        String older = dataset + "_agg";
        yaml(pipeline("").replaceFirst("name: " + dataset, "name: " + older)).when().put("/api/pipelines/" + older)
                .then().statusCode(201);
        yaml(pipeline("").replace("aggregate: {dimensions: [], measures: [amount]}", ""))
                .when().put("/api/pipelines/" + dataset)
                .then().statusCode(409)
                .body("problems", hasItem(containsString("belongs to pipeline '" + older + "'")));
        assertEquals(1L, new CatalogFixtures(dataSource).single("select count(*) from information_schema.tables where "
                + "table_schema = 'curated' and table_name = '" + older + "'"), "the older pipeline's table stays");
    }

    @Test
    void answersNotFoundAndUnsupportedMediaTypeClearly() {
        given().when().get("/api/pipelines/nope").then().statusCode(404)
                .body("detail", containsString("no pipeline named 'nope'"));
        given().contentType("text/csv").body("a,b").when().put("/api/pipelines/" + dataset).then().statusCode(415)
                .body("detail", containsString("application/yaml"));
    }
}
