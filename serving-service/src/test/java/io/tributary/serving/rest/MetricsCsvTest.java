package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** The metrics answer as CSV: the JSON answer's numbers, streamed, for any number of rows. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class MetricsCsvTest {

    private static final String PATH = "/api/metrics/{pipeline}";

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    private AggregateTables tables;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    @BeforeEach
    void exportsAggregate() throws SQLException {
        tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.freshness_watermark where table_name = 'exports_agg'");
        tables.create("exports", AggregateLayout.Bucket.DATE, List.of("region", "product"), List.of("sales"));
        tables.cell("exports", LocalDate.parse("2017-01-01"), List.of("West", "Chair, \"Oak\""), List.of("10.5000"),
                2, null);
        tables.cell("exports", LocalDate.parse("2017-01-20"), List.of("West", "Desk"), List.of("0.2500"), 1,
                Instant.parse("2017-02-01T10:00:00Z"));
        tables.cell("exports", LocalDate.parse("2017-02-03"), List.of("East", "Desk"), List.of("678000.0100"), 3,
                null);
    }

    @Test
    void hasTheJsonAnswersValuesDigitForDigit() throws SQLException {
        Instant currentAsOf = Instant.parse("2017-02-04T00:00:00Z");
        tables.freshness("exports_agg", currentAsOf);
        Response csv = given().queryParam("groupBy", "region,product").queryParam("grain", "month")
                .queryParam("format", "csv").when().get(PATH, "exports");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Current-As-Of", equalTo(currentAsOf.toString()));
        String answer = given().queryParam("groupBy", "region,product").queryParam("grain", "month")
                .when().get(PATH, "exports").then().statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(answer)
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

        List<String> expected = new ArrayList<>(List.of("period,region,product,sales,lines,restatedAt"));
        for (Map<String, Object> row : json.<Map<String, Object>>getList("rows")) {
            Map<?, ?> dimensions = (Map<?, ?>) row.get("dimensions");
            String product = (String) dimensions.get("product");
            expected.add(String.join(",", (String) row.get("period"), (String) dimensions.get("region"),
                    product.contains(",") ? "\"" + product.replace("\"", "\"\"") + "\"" : product,
                    ((BigDecimal) ((Map<?, ?>) row.get("measures")).get("sales")).toPlainString(),
                    row.get("lines").toString(), row.get("restatedAt") == null ? "" : (String) row.get("restatedAt")));
        }
        assertEquals(expected, csv.asString().lines().toList());
        assertEquals(List.of("period,region,product,sales,lines,restatedAt",
                "2017-02,East,Desk,678000.0100,3,",
                "2017-01,West,\"Chair, \"\"Oak\"\"\",10.5000,2,",
                "2017-01,West,Desk,0.2500,1,2017-02-01T10:00:00Z"), csv.asString().lines().toList());
    }

    @Test
    void isChosenByTheAcceptHeaderToo() {
        Response csv = given().accept("text/csv").queryParam("groupBy", "region").when().get(PATH, "exports");
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        assertEquals(List.of("region,sales,lines,restatedAt", "East,678000.0100,3,",
                "West,10.7500,3,2017-02-01T10:00:00Z"), csv.asString().lines().toList());
        assertNull(csv.header("Current-As-Of"));
    }

    @Test
    void hasNoCeilingOnRows() throws SQLException {
        // the tests' ceiling of a JSON answer is 500 rows
        tables.execute("insert into curated.exports_agg select date '2018-01-01' + i, 'North', 'p' || i, 1, 1, "
                + "now(), null from generate_series(1, 600) i");
        given().queryParam("grain", "day").when().get(PATH, "exports").then().statusCode(400);
        String csv = given().queryParam("grain", "day").queryParam("format", "csv").when().get(PATH, "exports")
                .then().statusCode(200).extract().asString();
        assertEquals(1 + 3 + 600, csv.lines().count());
    }

    @Test
    void refusesBadParametersBeforeWritingAnything() {
        given().queryParam("format", "xlsx").when().get(PATH, "exports").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("problems[0]", equalTo("query parameter 'format': 'xlsx' is not json or csv"));
        given().queryParam("format", "csv").queryParam("groupBy", "colour").when().get(PATH, "exports")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("problems[0]", containsString("query parameter 'groupBy'"));
        given().queryParam("format", "csv").queryParam("maxStaleness", "PT30S").when().get(PATH, "exports")
                .then().statusCode(503).header("Retry-After", equalTo("30"));
        given().queryParam("format", "csv").when().get(PATH, "nothing_here").then().statusCode(404);
    }

    @Test
    void streamsFromAnOpenCursor() throws Exception {
        // 30,000 groups of a kilobyte each: far more than the network's buffers hold
        tables.execute("insert into curated.exports_agg select date '2018-01-01', repeat('x', 1000) || i, 'p', 1, 1, "
                + "now(), null from generate_series(1, 30000) i");
        URI uri = URI.create(base.resolve("api/metrics/exports") + "?groupBy=region&format=csv");
        long lines = new StreamedExport(dataSource).readWhileOpen(uri, TestTokens.token(Roles.ANALYST),
                "from \"curated\".\"exports_agg\"");
        assertEquals(1 + 2 + 30000, lines);
    }
}
