package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.change.ChangeWatcher;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class ChangePropagationTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChangeWatcher watcher;

    private long goal;
    private long dana;

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
        goal = RequirementsData.goal();
        dana = RequirementsData.marketing("http://127.0.0.1:9/hook");
    }

    @Test
    void aContractVersionWithoutAFieldARequirementUsesReopensItAndTellsItsStakeholders() throws Exception {
        putContract(contract());
        long usesRegion = RequirementsData.freshnessRequirement(goal, dana, "{\"type\":\"DATASET\",\"name\":\"sales\"}",
                60);
        RequirementsData.confirm(usesRegion);

        putContract(contract().replace("      - name: region\n        physicalName: Region\n        logicalType: string\n"
                + "        required: true\n", "")
                .replace("version: 1.0.0", "version: 2.0.0"));

        given().when().get("/api/requirements/{id}", usesRegion)
                .then().body("state", equalTo("NEEDS_RECONFIRMATION"))
                .body("allowedActions", equalTo(java.util.List.of("CONFIRM", "REQUEST_CHANGES", "EDIT")));
        given().when().get("/api/requirements/{id}/history", usesRegion)
                .then().body("action[-1]", equalTo("REOPEN"))
                .body("by[-1]", equalTo("change propagation"))
                .body("comment[-1]", containsString("removed or retyped region"));
        given().queryParam("requirement", usesRegion).queryParam("state", "OPEN").when().get("/api/alerts")
                .then().body("$", hasSize(1))
                .body("[0].kind", equalTo("NEEDS_RECONFIRMATION"))
                .body("[0].deliveries[0].url", equalTo("http://127.0.0.1:9/hook"));

        given().contentType("application/json").header(RequirementsData.ACTOR, "dana")
                .body("{\"decision\":\"CONFIRM\",\"comment\":\"region comes from the store now\"}")
                .when().post("/api/requirements/{id}/confirmations", usesRegion)
                .then().statusCode(200).body("state", equalTo("CONFIRMED"));
        given().queryParam("requirement", usesRegion).when().get("/api/alerts")
                .then().body("[0].state", equalTo("RESOLVED"));
    }

    @Test
    void aNewPipelineVersionReopensTheRequirementsOnItsServingQueriesOnce() throws Exception {
        long onQuery = RequirementsData.freshnessRequirement(goal, dana,
                "{\"type\":\"SERVING\",\"name\":\"/api/metrics/sales?groupBy=region\"}", 60);
        RequirementsData.confirm(onQuery);
        long onOtherPipeline = RequirementsData.freshnessRequirement(goal, dana,
                "{\"type\":\"PIPELINE\",\"name\":\"returns\"}", 60);
        RequirementsData.confirm(onOtherPipeline);
        Thread.sleep(20);
        execute("insert into catalog.pipeline_version (name, version, dataset, kind, document, media_type) values "
                + "('sales', 2, 'sales', 'FACT', 'name: sales', 'application/yaml')");

        watcher.watch();
        watcher.watch();

        given().when().get("/api/requirements/{id}", onQuery).then().body("state", equalTo("NEEDS_RECONFIRMATION"));
        given().when().get("/api/requirements/{id}", onOtherPipeline).then().body("state", equalTo("CONFIRMED"));
        given().queryParam("requirement", onQuery).when().get("/api/alerts").then().body("$", hasSize(1))
                .body("[0].summary", containsString("pipeline 'sales' has a new version 2"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String contract() throws IOException {
        try (InputStream in = ChangePropagationTest.class.getResourceAsStream("/contracts/sales-contract.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void putContract(String yaml) {
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().put("/api/contracts/sales").then().statusCode(201);
    }
}
