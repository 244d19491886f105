package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** The dashboard's data-quality panel: ingestion's batches of the sources a pipeline reads. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class DashboardResourceTest {

    private static final String HELD = "11111111-0000-0000-0000-000000000003";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void twoSourcesOfSales() throws SQLException {
        TestTokens.signInAs(Roles.ANALYST);
        AggregateTables tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.pipeline_version", "delete from catalog.ingestion_batch",
                "delete from catalog.source",
                "insert into catalog.dataset (name) values ('sales'), ('stock') on conflict do nothing",
                "insert into catalog.pipeline_version (name, version, dataset, kind, document, media_type) "
                        + "values ('sales', 1, 'sales', 'FACT', '{}', 'application/json')",
                "insert into catalog.source (name, dataset, format, time_zone) values ('shop', 'sales', 'CSV', "
                        + "'UTC'), ('app', 'sales', 'JSON', 'UTC'), ('depot', 'stock', 'CSV', 'UTC')",
                batch("11111111-0000-0000-0000-000000000001", "shop", "sales", "COMPLETED", "a.csv", 10, 7, 2, 1,
                        null, "2026-12-01T10:00:00Z"),
                batch("11111111-0000-0000-0000-000000000002", "shop", "sales", "COMPLETED", "b.csv", 5, 5, 0, 0,
                        null, "2026-12-02T10:00:00Z"),
                batch(HELD, "app", "sales", "AWAITING_REVIEW", "c.json", 4, 0, 0, 0,
                        "fields drifted from the contract", "2026-12-02T11:00:00Z"),
                batch("11111111-0000-0000-0000-000000000004", "depot", "stock", "COMPLETED", "d.csv", 3, 3, 0, 0,
                        null, "2026-12-02T12:00:00Z"));
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void showsEachSourcesLatestBatchesAndTheHeldOnesWithTheirQuarantine() {
        given().when().get("/api/dashboard/sales/quality")
                .then().statusCode(200)
                .body("dataset", equalTo("sales"))
                .body("sources.source", equalTo(List.of("app", "shop")))
                .body("sources[1].latest.fileName", equalTo(List.of("b.csv", "a.csv")))
                .body("sources[1].latest[1].received", equalTo(10))
                .body("sources[1].latest[1].accepted", equalTo(7))
                .body("sources[1].latest[1].quarantined", equalTo(2))
                .body("sources[1].latest[1].duplicates", equalTo(1))
                .body("sources[1].latest[1].holdReason", nullValue())
                .body("sources[1].latest[1].quarantine",
                        equalTo("http://127.0.0.1:8081/api/quarantine?batch=11111111-0000-0000-0000-000000000001"))
                .body("held", hasSize(1))
                .body("held[0].id", equalTo(HELD))
                .body("held[0].status", equalTo("AWAITING_REVIEW"))
                .body("held[0].holdReason", equalTo("fields drifted from the contract"));
    }

    @Test
    void listsTheNewestVersionOfEachRequirementOnThePipelineItsDatasetSourcesAndQueriesWithItsEvaluation()
            throws SQLException {
        new AggregateTables(dataSource).execute(Requirements.clear());
        new AggregateTables(dataSource).execute(
                Requirements.version(1, 1, "PIPELINE", "sales", "{\"kind\": \"freshness\", \"maximum\": 2, "
                        + "\"unit\": \"min\"}", "SUPERSEDED", "sales within two minutes"),
                Requirements.version(1, 2, "PIPELINE", "sales", "{\"kind\": \"freshness\", \"maximum\": 60, "
                        + "\"unit\": \"s\"}", "CONFIRMED", "sales within a minute"),
                Requirements.status(1, 2, "MET", 12.5, 0.99, 0.9),
                Requirements.version(2, 1, "SERVING", "/api/metrics/sales?groupBy=region", "{\"kind\": "
                        + "\"availability\", \"minimum\": 0.99}", "PROPOSED", "sales by region answer"),
                Requirements.version(3, 1, "SOURCE", "shop", "{\"kind\": \"volume\", \"minimum\": 1}",
                        "CONFIRMED", "the shop sends"),
                Requirements.version(4, 1, "PIPELINE", "salesforce", "{\"kind\": \"freshness\", \"maximum\": 1, "
                        + "\"unit\": \"s\"}", "CONFIRMED", "another pipeline"),
                Requirements.version(5, 1, "SERVING", "/api/metrics/salesforce", "{\"kind\": \"freshness\", "
                        + "\"maximum\": 1, \"unit\": \"s\"}", "CONFIRMED", "another query"));

        given().when().get("/api/dashboard/sales/objectives")
                .then().statusCode(200)
                .body("requirement", equalTo(List.of(1, 2, 3)))
                .body("[0].version", equalTo(2))
                .body("[0].statement", equalTo("sales within a minute"))
                .body("[0].readBack", equalTo("Read back: sales within a minute"))
                .body("[0].kind", equalTo("freshness"))
                .body("[0].maxAgeSeconds", equalTo(60.0f))
                .body("[0].state", equalTo("MET"))
                .body("[0].budgetLeft", equalTo(0.9f))
                .body("[1].targetName", equalTo("/api/metrics/sales?groupBy=region"))
                .body("[1].state", nullValue())
                .body("[1].maxAgeSeconds", nullValue())
                .body("[2].targetType", equalTo("SOURCE"));
    }

    @Test
    void answers404ForAnUndeclaredPipeline() {
        given().when().get("/api/dashboard/nosuch/quality")
                .then().statusCode(404).body("problems[0]", equalTo("path parameter 'pipeline': no pipeline is "
                        + "named 'nosuch'"));
    }

    /** Rows as the requirements service writes them. */
    static final class Requirements {

        static String[] clear() {
            return new String[]{"delete from catalog.slo_status", "delete from catalog.requirement_version",
                    "delete from catalog.requirement"};
        }

        static String version(long id, int version, String targetType, String targetName, String objective,
                String state, String statement) {
            return "insert into catalog.requirement (id) values (" + id + ") on conflict do nothing; "
                    + "insert into catalog.requirement_version (requirement_id, version, level, kind, statement, "
                    + "target_type, target_name, objective, state, read_back) values (" + id + ", " + version
                    + ", 'STAKEHOLDER', 'NON_FUNCTIONAL', '" + statement + "', '" + targetType + "', '" + targetName
                    + "', '" + objective + "'::jsonb, '" + state + "', 'Read back: " + statement + "')";
        }

        static String status(long id, int version, String state, double value, double goodShare,
                double budgetLeft) {
            return "insert into catalog.slo_status (requirement_id, version, state, value, evaluated_at, good_share, "
                    + "budget_left, since) values (" + id + ", " + version + ", '" + state + "', " + value
                    + ", now(), " + goodShare + ", " + budgetLeft + ", now())";
        }
    }

    private static String batch(String id, String source, String dataset, String status, String file, long received,
            long accepted, long quarantined, long duplicates, String holdReason, String createdAt) {
        return "insert into catalog.ingestion_batch (id, source, dataset, status, file_name, landing_path, "
                + "content_sha256, size_bytes, received, accepted, quarantined, duplicates, hold_reason, created_at) "
                + "values ('" + id + "', '" + source + "', '" + dataset + "', '" + status + "', '" + file + "', "
                + "'landing/" + file + "', '" + "0".repeat(64) + "', 1, " + received + ", " + accepted + ", "
                + quarantined + ", " + duplicates + ", " + (holdReason == null ? "null" : "'" + holdReason + "'")
                + ", '" + createdAt + "')";
    }
}
