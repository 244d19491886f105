package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class ContractResourceTest {

    private static final String YAML = "application/yaml; charset=UTF-8";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @BeforeEach
    void emptyCatalog() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from catalog.schema_version");
            statement.execute("delete from catalog.contract_version");
            statement.execute("delete from catalog.dataset");
        }
    }

    @Test
    void acceptsTheDemoContractAsYamlAndReturnsItAsJson() {
        String yaml = demoContract();

        given().contentType(YAML).body(utf8(yaml))
                .when().put("/api/contracts/sales")
                .then().statusCode(201)
                .header("Location", endsWith("/api/contracts/sales/versions/1"))
                .body("dataset", equalTo("sales"))
                .body("version", equalTo(1))
                .body("contractId", equalTo("urn:tributary:contract:sales"))
                .body("contractVersion", equalTo("1.0.0"))
                .body("status", equalTo("active"))
                .body("properties", equalTo(21))
                .body("createdAt", startsWith("20"));

        List<String> names = given().accept(ContentType.JSON)
                .when().get("/api/contracts/sales")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header(ContractResource.VERSION_HEADER, "1")
                .body("apiVersion", equalTo("v3.1.0"))
                .body("kind", equalTo("DataContract"))
                .extract().jsonPath().getList("schema[0].properties.name", String.class);
        assertEquals(propertyNames(yaml), names);
    }

    @Test
    void answersWithJsonWhenTheClientAcceptsAnything() {
        put(demoContract()).statusCode(201);

        given().when().get("/api/contracts/sales")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", equalTo("urn:tributary:contract:sales"));
    }

    @Test
    void returnsTheDocumentAsYamlWhenAskedFor() {
        put(demoContract()).statusCode(201);

        String body = given().accept("application/yaml")
                .when().get("/api/contracts/sales")
                .then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .header(ContractResource.VERSION_HEADER, "1")
                .extract().asString();
        JsonNode document = ContractReader.parse(body, ContractReader.Syntax.YAML);
        assertEquals(ContractReader.parse(demoContract(), ContractReader.Syntax.YAML), document);
    }

    @Test
    void answersAnIdenticalDocumentWithTheCurrentVersionAndStoresNothing() {
        put(demoContract()).statusCode(201);

        put(demoContract()).statusCode(200)
                .header("Location", nullValue())
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(asJson(demoContract()))
                .when().put("/api/contracts/sales")
                .then().statusCode(200)
                .body("version", equalTo(1));
        given().when().get("/api/contracts/sales/versions").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void storesAChangedDocumentAsTheNextVersion() {
        put(demoContract()).statusCode(201);

        put(demoContract().replace("version: 1.0.0", "version: 1.1.0")).statusCode(201)
                .header("Location", endsWith("/api/contracts/sales/versions/2"))
                .body("version", equalTo(2))
                .body("contractVersion", equalTo("1.1.0"));

        given().when().get("/api/contracts/sales")
                .then().statusCode(200)
                .header(ContractResource.VERSION_HEADER, "2")
                .body("version", equalTo("1.1.0"));
        given().when().get("/api/contracts/sales/versions/1")
                .then().statusCode(200)
                .header(ContractResource.VERSION_HEADER, "1")
                .body("version", equalTo("1.0.0"));
        given().when().get("/api/contracts/sales/versions")
                .then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("contractVersion", equalTo(List.of("1.0.0", "1.1.0")));
    }

    @Test
    void acceptsAContractSentAsJson() {
        given().contentType(ContentType.JSON).body(asJson(demoContract()))
                .when().put("/api/contracts/sales")
                .then().statusCode(201)
                .body("version", equalTo(1))
                .body("properties", equalTo(21));
    }

    @Test
    void listsEveryDatasetWithItsCurrentVersion() {
        put(demoContract()).statusCode(201);
        put(demoContract().replace("status: active", "status: deprecated")).statusCode(201);
        given().contentType("text/yaml").body(utf8(demoContract()))
                .when().put("/api/contracts/returns")
                .then().statusCode(201);

        given().when().get("/api/contracts")
                .then().statusCode(200)
                .body("dataset", equalTo(List.of("returns", "sales")))
                .body("version", equalTo(List.of(1, 2)))
                .body("status", equalTo(List.of("active", "deprecated")));
    }

    @Test
    void recordsTheDeclaredFieldsOncePerDistinctSchema() throws SQLException {
        put(demoContract()).statusCode(201);
        put(demoContract().replace("version: 1.0.0", "version: 1.0.1")).statusCode(201);
        assertEquals(List.of("1 CONTRACT"), schemaVersions());

        put(demoContract().replace("logicalType: integer", "logicalType: number")).statusCode(201);
        assertEquals(List.of("1 CONTRACT", "2 CONTRACT"), schemaVersions());
    }

    @Test
    void rejectsContractWithoutApiVersion() {
        put(demoContract().replace("apiVersion: v3.1.0\n", "")).statusCode(400)
                .body("detail", containsString("not a valid ODCS"))
                .body("problems", hasItem(containsString("$.apiVersion: is required")));
    }

    @Test
    void rejectsContractWithUnknownLogicalType() {
        put(demoContract().replaceFirst("logicalType: integer", "logicalType: bigint")).statusCode(400)
                .body("problems", hasItem(containsString("$.schema[0].properties[0].logicalType")))
                .body("problems", hasItem(containsString("'bigint'")));
    }

    @Test
    void rejectsDocumentOfAnotherKind() {
        put(demoContract().replace("kind: DataContract", "kind: DataProduct")).statusCode(400)
                .body("problems", hasItem(containsString("$.kind: must be 'DataContract'")));
    }

    @Test
    void rejectsYamlWithASyntaxErrorNamingTheLine() {
        put("apiVersion: v3.1.0\nkind: DataContract\nschema: [unclosed\nstatus: active\n").statusCode(400)
                .body("problems[0]", containsString("not valid YAML"))
                .body("problems[0]", containsString("line "));
    }

    @Test
    void rejectsJsonWithASyntaxErrorNamingTheLine() {
        given().contentType(ContentType.JSON).body("{\n  \"apiVersion\": \"v3.1.0\",\n  \"kind\" \"DataContract\"\n}")
                .when().put("/api/contracts/sales")
                .then().statusCode(400)
                .body("problems[0]", containsString("line 3"));
    }

    @Test
    void rejectsContractWithoutASchemaObject() {
        String withoutObjects = demoContract().substring(0, demoContract().indexOf("schema:")) + "schema: []\n";
        put(withoutObjects).statusCode(400)
                .body("problems", hasItem(containsString("$.schema: the contract must describe dataset 'sales'")));
    }

    @Test
    void rejectsContractWhoseSchemaObjectsDescribeOtherDatasets() {
        String twoObjects = demoContract().replace("  - name: sales\n", "  - name: orders\n")
                .replace("slaProperties:", "  - name: customers\n    properties:\n      - name: id\nslaProperties:");
        put(twoObjects).statusCode(400)
                .body("problems", hasItem(containsString("$.schema: 2 schema objects and none is named 'sales'")));
    }

    @Test
    void rejectsTextThatCannotBeStored() {
        String json = asJson(demoContract()).replace("\"domain\":\"sales\"", "\"domain\":\"sa\\u0000les\"");
        given().contentType(ContentType.JSON).body(json)
                .when().put("/api/contracts/sales")
                .then().statusCode(400)
                .body("problems", hasItem(containsString("$.domain: the value contains U+0000")));
    }

    @Test
    void rejectsBadDatasetNames() {
        for (String name : List.of("Sales", "1sales", "sales-eu", "a" + "b".repeat(63))) {
            given().contentType(YAML).body(utf8(demoContract()))
                    .when().put("/api/contracts/" + name)
                    .then().statusCode(400)
                    .body("detail", equalTo("invalid dataset name"))
                    .body("problems[0]", containsString("path parameter 'dataset': '" + name + "'"));
        }
        given().when().get("/api/contracts/Sales").then().statusCode(400);
    }

    @Test
    void answers404ForADatasetWithoutContract() {
        given().when().get("/api/contracts/unknown")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("dataset 'unknown' has no contract"));
        given().when().get("/api/contracts/unknown/versions").then().statusCode(404);
        put(demoContract()).statusCode(201);
        given().when().get("/api/contracts/sales/versions/7")
                .then().statusCode(404)
                .body("detail", equalTo("dataset 'sales' has no contract version 7"));
    }

    @Test
    void rejectsPlainTextWith415() {
        given().contentType(ContentType.TEXT).body(utf8(demoContract()))
                .when().put("/api/contracts/sales")
                .then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("application/yaml"));
    }

    private static ValidatableResponse put(String yaml) {
        return given().contentType(YAML).body(utf8(yaml)).when().put("/api/contracts/sales").then();
    }

    /** RestAssured has no encoder for the YAML media types; bytes go as they are. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> schemaVersions() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select version, origin, fingerprint, jsonb_typeof(fields) as fields_type"
                                + " from catalog.schema_version where dataset = 'sales'"
                                + " order by version")) {
            while (result.next()) {
                assertEquals(64, result.getString("fingerprint").length());
                assertEquals("array", result.getString("fields_type"));
                rows.add(result.getInt("version") + " " + result.getString("origin"));
            }
        }
        return rows;
    }

    private static List<String> propertyNames(String yaml) {
        List<String> names = new ArrayList<>();
        ContractReader.parse(yaml, ContractReader.Syntax.YAML).get("schema").get(0).get("properties")
                .forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static String asJson(String yaml) {
        return ContractReader.toJson(ContractReader.parse(yaml, ContractReader.Syntax.YAML));
    }

    static String demoContract() {
        try (InputStream in = ContractResourceTest.class.getResourceAsStream("/contracts/sales-contract.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
