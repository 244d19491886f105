package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.contract.OdcsSchema;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class ContractRequirementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    /** Other test classes empty the datasets, which the pipelines written here refer to. */
    @AfterEach
    void removePipelines() throws Exception {
        new CatalogFacts(dataSource).empty();
    }

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @BeforeEach
    void emptyCatalog() throws SQLException {
        RequirementsData.empty(dataSource);
        CatalogFacts catalog = new CatalogFacts(dataSource);
        catalog.empty();
        catalog.pipeline("sales", "sales");
    }

    @Test
    void importingAContractProposesASystemRequirementPerClauseNoRequirementCarries() throws IOException {
        putContract(201);
        given().queryParam("state", "PROPOSED").when().get("/api/requirements")
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("origin", equalTo(List.of("CONTRACT", "CONTRACT", "CONTRACT")))
                .body("level", equalTo(List.of("SYSTEM", "SYSTEM", "SYSTEM")))
                .body("objective.kind", equalTo(List.of("freshness", "frequency", "errorRate")))
                .body("[0].readBack", startsWith("Required: An order line is reflected in sales by region"))
                .body("[0].elements", equalTo(List.of("sales.order_date")));
        putContract(201, "version: 1.0.0", "version: 1.0.1");
        given().when().get("/api/requirements").then().body("$", hasSize(3));
    }

    @Test
    void aConfirmedRequirementIsWrittenIntoTheContractWhichStaysValidOdcs() throws IOException {
        putContract(201);
        long goal = RequirementsData.goal();
        long dana = RequirementsData.marketing(null);
        long id = RequirementsData.freshnessRequirement(goal, dana, "{\"type\":\"DATASET\",\"name\":\"sales\"}", 60);
        RequirementsData.confirm(id);

        String body = given().accept("application/json").when().get("/api/contracts/sales")
                .then().statusCode(200).header(ContractResource.VERSION_HEADER, "2")
                .extract().asString();
        JsonNode contract = JSON.readTree(body);
        assertEquals(List.of(), OdcsSchema.problems(contract), "the exported contract is valid ODCS v3.1.0");
        assertEquals("1.0.1", contract.get("version").asText());
        JsonPath json = JsonPath.from(body);
        Map<String, Object> clause = json.getMap("slaProperties.find { it.id == 'req-" + id + "' }");
        assertEquals("latency", clause.get("property"));
        assertEquals(60, clause.get("value"));
        assertEquals("s", clause.get("unit"));
        assertEquals("sales.region", clause.get("element"));
        assertEquals("analytics", clause.get("driver"));
        assertTrue(clause.get("description").toString().startsWith("Marketing needs product sales by region"));
        assertEquals(List.of("dana@shop.test"), json.getList("team.members.username"));
        assertEquals(4, json.getList("slaProperties").size(), "the three clauses of the upload stay");

        given().when().get("/api/requirements").then().body("$", hasSize(4));
        given().when().get("/api/requirements/{id}/trace", id)
                .then().statusCode(200)
                .body("goal.title", equalTo("Grow revenue from targeted campaigns"))
                .body("stakeholders[0].name", equalTo("Dana Reyes"))
                .body("clauses[0].dataset", equalTo("sales"))
                .body("clauses[0].contractVersion", equalTo(2))
                .body("clauses[0].clauseId", equalTo("req-" + id))
                .body("clauses[0].contract", equalTo("/api/contracts/sales/versions/2"))
                .body("lineage.type", equalTo(List.of("DATASET", "PIPELINE")))
                .body("lineage.name", equalTo(List.of("sales", "sales")));
        given().when().get("/api/datasets/sales/requirements")
                .then().statusCode(200)
                .body("requirement.id", hasItem((int) id))
                .body("find { it.requirement.id == " + id + " }.relation", equalTo("target"));
        given().when().get("/api/datasets/Sales!/requirements").then().statusCode(400);
    }

    @Test
    void theRequirementsDocumentOfAGoalReadsEachRequirementBackWithItsClausesAndState() throws IOException {
        putContract(201);
        long goal = RequirementsData.goal();
        long dana = RequirementsData.marketing(null);
        long id = RequirementsData.freshnessRequirement(goal, dana, "{\"type\":\"DATASET\",\"name\":\"sales\"}", 60);
        RequirementsData.confirm(id);
        long draft = RequirementsData.freshnessRequirement(goal, dana, "{\"type\":\"DATASET\",\"name\":\"sales\"}", 5);

        given().when().get("/api/goals/{id}/document", goal)
                .then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(containsString("# Requirements: Grow revenue from targeted campaigns"))
                .body(containsString("| Dana Reyes | marketing | Marketing | downstream |"))
                .body(containsString("### R" + id + " (version 1): CONFIRMED, stakeholder non-functional"))
                .body(containsString("> Marketing needs product sales by region"))
                .body(containsString("Contract clauses: sales v2 latency (req-" + id + ")"))
                .body(containsString("Live status: not evaluated yet"))
                .body(containsString("### R" + draft + " (version 1): DRAFT"))
                .body(containsString("(draft, not yet read back)"));
        given().accept("text/html").when().get("/api/goals/{id}/document", goal)
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(startsWith("<!DOCTYPE html>"))
                .body(containsString("<blockquote>Marketing needs product sales by region"));
        given().when().get("/api/goals/9999/document").then().statusCode(404);
    }

    private static void putContract(int status, String... replace) throws IOException {
        String yaml;
        try (InputStream in = ContractRequirementsTest.class.getResourceAsStream("/contracts/sales-contract.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i + 1 < replace.length; i += 2) {
            yaml = yaml.replace(replace[i], replace[i + 1]);
        }
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().put("/api/contracts/sales").then().statusCode(status);
    }
}
