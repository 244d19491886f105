package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * Every answer of the serving service as each role reads it, for a pipeline {@code members} whose {@code contact}
 * column is computed from the contract's personal {@code email}: masked for an analyst, as it is for the others.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class PersonalDataServedTest {

    private static final String CONTRACT = """
            apiVersion: v3.0.2
            kind: DataContract
            id: urn:test:members
            version: 1.0.0
            status: active
            schema:
              - name: members
                properties:
                  - {name: order_id, logicalType: string, primaryKey: true}
                  - {name: email, logicalType: string, classification: personal}
                  - {name: region, logicalType: string, classification: internal}
                  - {name: product_id, logicalType: string}
                  - {name: amount, logicalType: number}
                  - {name: order_date, logicalType: date}
            """;
    private static final String PIPELINE = """
            name: members
            dataset: members
            eventTime: order_date
            features: {customer: contact, order: order_id, product: product_id}
            """;
    private static final String LINEAGE = """
            {"contact": ["email"], "region": ["region"], "order_id": ["order_id"], "product_id": ["product_id"],
             "amount": ["amount"], "order_date": ["order_date"]}""";
    private static final List<String> UNMASKED = List.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER);

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void members() throws SQLException {
        AggregateLayout layout = new AggregateLayout(AggregateLayout.Bucket.DATE, List.of("contact", "region"),
                List.of("amount"));
        execute("create schema if not exists curated",
                "drop table if exists curated.members, curated.members_agg, curated.members_customer_products, "
                        + "curated.members_co_purchases",
                "create table curated.members (_key text primary key, _status text not null, "
                        + "_accepted_at timestamptz not null, order_id text, contact text, region text, "
                        + "product_id text, amount numeric, order_date date)",
                "insert into curated.members values ('A', 'curated', now(), 'A', 'ann@example.com', 'West', 'chair', "
                        + "10, '2024-03-01'), ('B', 'curated', now(), 'B', 'bo@example.com', 'East', 'desk', 5, "
                        + "'2024-03-02')",
                "create table curated.members_agg (" + layout.tableDefinition() + ")",
                "insert into curated.members_agg values ('2024-03-01', 'ann@example.com', 'West', 10, 1, now(), null), "
                        + "('2024-03-02', 'bo@example.com', 'East', 5, 1, now(), null)",
                "create table curated.members_customer_products (customer text not null, product text not null, "
                        + "orders bigint not null, quantity numeric not null, last_event date, "
                        + "primary key (customer, product))",
                "insert into curated.members_customer_products values ('ann@example.com', 'chair', 1, 1, "
                        + "'2024-03-01'), ('bo@example.com', 'desk', 1, 1, '2024-03-02')",
                "create table curated.members_co_purchases (product text not null, other_product text not null, "
                        + "orders bigint not null, primary key (product, other_product))",
                "insert into curated.members_co_purchases values ('chair', 'desk', 1), ('desk', 'chair', 1)",
                "insert into catalog.dataset (name) values ('members') on conflict do nothing",
                "delete from catalog.pipeline_version where name = 'members'",
                "delete from catalog.contract_version where dataset = 'members'");
        try (Connection c = dataSource.getConnection();
                PreparedStatement version = c.prepareStatement("insert into catalog.pipeline_version (name, version, "
                        + "dataset, kind, document, media_type, aggregate_layout, column_lineage) values ('members', "
                        + "1, 'members', 'FACT', ?, 'application/yaml', ?::jsonb, ?::jsonb)");
                PreparedStatement contract = c.prepareStatement("insert into catalog.contract_version (dataset, "
                        + "version, contract_id, contract_label, status, document, media_type) values ('members', 1, "
                        + "'urn:test:members', '1.0.0', 'active', ?::jsonb, 'application/yaml')")) {
            version.setString(1, PIPELINE);
            version.setString(2, layout.toJson());
            version.setString(3, LINEAGE);
            version.executeUpdate();
            contract.setString(1, ContractReader.parse(CONTRACT, ContractReader.Syntax.YAML).toString());
            contract.executeUpdate();
        }
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void metricsMaskAPersonalDimensionForAnAnalyst() {
        TestTokens.signInAs(Roles.ANALYST);
        given().queryParam("groupBy", "contact,region").when().get("/api/metrics/members").then().statusCode(200)
                .body("rows.dimensions.contact", contains("***", "***"))
                .body("rows.dimensions.region", contains("West", "East"));
        String csv = given().queryParam("groupBy", "contact,region").queryParam("format", "csv")
                .when().get("/api/metrics/members").then().statusCode(200).extract().asString();
        assertFalse(csv.contains("@example.com"), csv);
        assertTrue(csv.contains("***,East,5"), csv);

        for (String role : UNMASKED) {
            TestTokens.signInAs(role);
            given().queryParam("groupBy", "contact,region").when().get("/api/metrics/members").then()
                    .statusCode(200)
                    .body("rows.dimensions.contact", contains("ann@example.com", "bo@example.com"));
            assertTrue(given().queryParam("groupBy", "contact").queryParam("format", "csv")
                    .when().get("/api/metrics/members").then().statusCode(200).extract().asString()
                    .contains("bo@example.com"), role);
        }
    }

    @Test
    void exportedRowsMaskPersonalColumnsForAnAnalyst() {
        TestTokens.signInAs(Roles.ANALYST);
        given().when().get("/api/datasets/members/rows").then().statusCode(200)
                .body("rows.contact", contains("***", "***"))
                .body("rows.region", contains("West", "East"))
                .body("rows.order_id", contains("A", "B"));
        for (String role : UNMASKED) {
            TestTokens.signInAs(role);
            given().when().get("/api/datasets/members/rows").then().statusCode(200)
                    .body("rows.contact", contains("ann@example.com", "bo@example.com"));
        }
    }

    @Test
    void trainingSetsMaskAPersonalCustomerForAnAnalyst() {
        TestTokens.signInAs(Roles.ANALYST);
        String masked = given().when().get("/api/features/members/training-set").then().statusCode(200)
                .extract().asString();
        assertFalse(masked.contains("@example.com"), masked);
        assertEquals(2, masked.split("\"customer\":\"\\*\\*\\*\"", -1).length - 1, masked);
        assertTrue(masked.contains("\"product\":\"chair\""), masked);
        String csv = given().queryParam("format", "csv").when().get("/api/features/members/training-set").then()
                .statusCode(200).extract().asString();
        assertFalse(csv.contains("@example.com"), csv);

        TestTokens.signInAs(Roles.STEWARD);
        assertTrue(given().when().get("/api/features/members/training-set").then().statusCode(200)
                .extract().asString().contains("\"customer\":\"ann@example.com\""));
    }

    @Test
    void featuresAndRecommendationsMaskAPersonalCustomerForAnAnalyst() {
        TestTokens.signInAs(Roles.ANALYST);
        given().when().get("/api/features/members/customers/ann@example.com/purchases").then().statusCode(200)
                .body("customer", is("***"))
                .body("purchases.product", contains("chair"));
        given().when().get("/api/recommendations/members/customers/ann@example.com").then().statusCode(200)
                .body("customer", is("***"))
                .body("recommendations.product", contains("desk"));
        given().when().get("/api/features/members/products/chair/co-purchases").then().statusCode(200)
                .body("product", is("chair"))
                .body("boughtWith.product", contains("desk"));

        TestTokens.signInAs(Roles.ENGINEER);
        given().when().get("/api/features/members/customers/ann@example.com/purchases").then().statusCode(200)
                .body("customer", is("ann@example.com"));
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
