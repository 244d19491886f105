package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.service.Metrics;
import io.tributary.serving.service.MetricsParameters;
import io.tributary.serving.service.MetricsService;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** The sales aggregate of the demo: its event time is an order date, so its buckets are calendar days. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class MetricsResourceTest {

    private static final String PATH = "/api/metrics/{pipeline}";
    private static final List<String> DIMENSIONS = List.of("region", "state", "category");
    private static final List<String> MEASURES = List.of("sales", "quantity", "profit");

    @Inject
    DataSource dataSource;

    private AggregateTables tables;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    @BeforeEach
    void createSalesAggregate() throws SQLException {
        tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.freshness_watermark", "delete from catalog.pipeline_version",
                "drop table if exists curated.plain_agg");
        tables.create("sales", AggregateLayout.Bucket.DATE, DIMENSIONS, MEASURES);
    }

    @Test
    void sumsEveryMeasureExactlyPerRegionOverAllDays() throws SQLException {
        sixCells();

        String body = request().queryParam("groupBy", "region")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("pipeline", equalTo("sales"))
                .body("groupBy", equalTo(List.of("region")))
                .body("grain", equalTo("total"))
                .body("timeZone", equalTo("UTC"))
                .body("dayBoundary", equalTo("calendar date"))
                .body("from", nullValue())
                .body("to", nullValue())
                .body("measures", equalTo(MEASURES))
                .body("rows.dimensions.region", equalTo(List.of("Central", "East", "West")))
                .body("rows[0].measures.sales", comparesEqualTo(new BigDecimal("12.3456")))
                .body("rows[1].measures.sales", comparesEqualTo(new BigDecimal("0.3000")))
                .body("rows[2].measures.sales", comparesEqualTo(new BigDecimal("678782.2400")))
                .body("rows[2].measures.quantity", equalTo(6))
                .body("rows[2].measures.profit", comparesEqualTo(new BigDecimal("80.3500")))
                .body("rows.lines", equalTo(List.of(4, 2, 6)))
                .body("rows[0]", not(hasKey("period")))
                .body("rows[0]", not(hasKey("restatedAt")))
                .extract().asString();
        // exact decimals, with the aggregate's scale: never passed through a double
        assertTrue(body.contains("\"sales\":678782.2400"), body);
        assertTrue(body.contains("\"profit\":0.0300"), body);
    }

    @Test
    void sumsPerRegionAndStateInTheOrderAsked() throws SQLException {
        sixCells();

        request().queryParam("groupBy", "region,state")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("groupBy", equalTo(List.of("region", "state")))
                .body("rows.dimensions", equalTo(List.of(
                        Map.of("region", "Central", "state", "Texas"),
                        Map.of("region", "East", "state", "New York"),
                        Map.of("region", "West", "state", "California"),
                        Map.of("region", "West", "state", "Washington"))))
                .body("rows.measures.sales", equalTo(List.of(new BigDecimal("12.3456"), new BigDecimal("0.3000"),
                        new BigDecimal("678001.0100"), new BigDecimal("781.2300"))))
                .body("rows.lines", equalTo(List.of(4, 2, 4, 2)));
        request().queryParam("groupBy", "state, region")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("groupBy", equalTo(List.of("state", "region")))
                .body("rows.dimensions.state", equalTo(List.of("California", "New York", "Texas", "Washington")));
    }

    @Test
    void givesOneTotalPerPeriodWithoutGroupBy() throws SQLException {
        sixCells();

        request().when().get(PATH, "sales")
                .then().statusCode(200)
                .body("groupBy", equalTo(List.of()))
                .body("rows", hasSize(1))
                .body("rows[0].dimensions", equalTo(Map.of()))
                .body("rows[0].measures.sales", equalTo(new BigDecimal("678794.8856")))
                .body("rows[0].lines", equalTo(12));
        request().queryParam("grain", "month")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2017-01", "2017-02")))
                .body("rows.measures.sales", equalTo(List.of(new BigDecimal("678782.5400"),
                        new BigDecimal("12.3456"))))
                .body("rows.lines", equalTo(List.of(8, 4)));
    }

    @Test
    void splitsPerDayAndPerMonth() throws SQLException {
        sixCells();

        request().queryParam("groupBy", "region").queryParam("grain", "day")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("grain", equalTo("day"))
                .body("rows.dimensions.region", equalTo(List.of("Central", "East", "East", "West", "West", "West")))
                .body("rows.period", equalTo(List.of("2017-02-01", "2017-01-01", "2017-01-02", "2017-01-01",
                        "2017-01-02", "2017-01-31")))
                .body("rows.measures.sales", equalTo(List.of(new BigDecimal("12.3456"), new BigDecimal("0.1000"),
                        new BigDecimal("0.2000"), new BigDecimal("678000.0100"), new BigDecimal("781.2300"),
                        new BigDecimal("1.0000"))));
        request().queryParam("groupBy", "region").queryParam("grain", "month")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("grain", equalTo("month"))
                .body("rows.dimensions.region", equalTo(List.of("Central", "East", "West")))
                .body("rows.period", equalTo(List.of("2017-02", "2017-01", "2017-01")))
                .body("rows.measures.sales", equalTo(List.of(new BigDecimal("12.3456"), new BigDecimal("0.3000"),
                        new BigDecimal("678782.2400"))))
                .body("rows.lines", equalTo(List.of(4, 2, 6)));
    }

    @Test
    void includesBothBoundaryDaysOfTheRange() throws SQLException {
        for (String day : List.of("2017-12-31", "2018-01-01", "2018-01-15", "2018-01-31", "2018-02-01")) {
            cell(day, "West", "California", "Furniture", day.endsWith("01") ? "10.0000" : "1.0000", 1);
        }

        request().queryParam("groupBy", "region").queryParam("from", "2018-01-01").queryParam("to", "2018-01-31")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("from", equalTo("2018-01-01"))
                .body("to", equalTo("2018-01-31"))
                .body("rows[0].measures.sales", equalTo(new BigDecimal("12.0000")))
                .body("rows[0].lines", equalTo(3));
        request().queryParam("grain", "day").queryParam("from", "2018-01-31")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2018-01-31", "2018-02-01")));
        request().queryParam("grain", "day").queryParam("to", "2017-12-31")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2017-12-31")));
        request().queryParam("from", "2019-01-01")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows", hasSize(0));
    }

    @Test
    void keepsCalendarDaysWhateverTheTimeZone() throws SQLException {
        sixCells();

        for (String zone : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu")) {
            request().queryParam("grain", "day").queryParam("tz", zone)
                    .queryParam("from", "2017-01-02").queryParam("to", "2017-01-31")
                    .when().get(PATH, "sales")
                    .then().statusCode(200)
                    .body("timeZone", equalTo(zone))
                    .body("dayBoundary", equalTo("calendar date"))
                    .body("rows.period", equalTo(List.of("2017-01-02", "2017-01-31")))
                    .body("rows.measures.sales", equalTo(List.of(new BigDecimal("781.4300"),
                            new BigDecimal("1.0000"))));
        }
    }

    @Test
    void keepsSumsOfManySmallAmountsExact() throws SQLException {
        LocalDate day = LocalDate.parse("2018-01-01");
        for (int i = 0; i < 30; i++) {
            cell(day.plusDays(i).toString(), "South", "Florida", "Furniture", "0.1000", 1);
        }
        cell("2018-03-01", "North", "Alaska", "Furniture", "0.00000010", 1);

        String body = request().queryParam("groupBy", "region")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows[1].measures.sales", equalTo(new BigDecimal("3.0000")))
                .body("rows[1].lines", equalTo(30))
                .extract().asString();
        assertTrue(body.contains("\"sales\":0.00000010"), body);
    }

    @Test
    void leavesOutGroupsWhoseLinesWereAllCorrectedAway() throws SQLException {
        cell("2018-01-01", "West", "California", "Furniture", "0", 0);
        cell("2018-01-02", "East", "New York", "Furniture", "0", 0);
        cell("2018-01-03", "East", "Vermont", "Furniture", "5.0000", 1);

        request().queryParam("groupBy", "region")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.dimensions.region", equalTo(List.of("East")))
                .body("rows[0].lines", equalTo(1));
        request().queryParam("groupBy", "state").queryParam("grain", "day")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.dimensions.state", equalTo(List.of("Vermont")));
        request().queryParam("to", "2018-01-02")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows", hasSize(0));
    }

    @Test
    void saysWhenALateRecordLastChangedAGroup() throws SQLException {
        tables.cell("sales", LocalDate.parse("2018-01-01"), List.of("West", "Utah", "Furniture"),
                List.of("1", "1", "1"), 1, Instant.parse("2018-02-01T10:00:00Z"));
        tables.cell("sales", LocalDate.parse("2018-01-02"), List.of("West", "Utah", "Furniture"),
                List.of("1", "1", "1"), 1, Instant.parse("2018-02-03T10:00:00.123456Z"));
        cell("2018-01-01", "East", "Maine", "Furniture", "1", 1);
        cell("2018-01-01", "South", "", "Furniture", "1", 1);

        request().queryParam("groupBy", "region,state")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows.dimensions.region", equalTo(List.of("East", "South", "West")))
                .body("rows[0]", not(hasKey("restatedAt")))
                .body("rows[1].dimensions.state", equalTo(""))
                .body("rows[2].restatedAt", equalTo("2018-02-03T10:00:00.123456Z"));
    }

    @Test
    void saysHowCurrentTheAggregateIs() throws SQLException {
        request().when().get(PATH, "sales")
                .then().statusCode(200)
                .body("currentAsOf", nullValue());

        tables.freshness("sales_agg", Instant.parse("2018-12-30T17:45:12.250Z"));
        tables.freshness("other_agg", Instant.parse("2019-01-01T00:00:00Z"));

        request().when().get(PATH, "sales")
                .then().statusCode(200)
                .body("currentAsOf", equalTo("2018-12-30T17:45:12.250Z"));
    }

    @Test
    void refusesDataOlderThanMaxStalenessWith503RetryAfterAndCurrentAsOf() throws SQLException {
        Instant currentAsOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        tables.freshness("sales_agg", currentAsOf);

        request().queryParam("maxStaleness", "PT30S").when().get(PATH, "sales")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "30")
                .body("status", equalTo(503))
                .body("detail", containsString("current as of " + currentAsOf))
                .body("problems[0]", containsString("query parameter 'maxStaleness'"));

        request().queryParam("maxStaleness", "PT5M").when().get(PATH, "sales")
                .then().statusCode(200)
                .body("currentAsOf", equalTo(currentAsOf.toString()));
    }

    @Test
    void namesMaxStalenessWhenItIsNotADuration() {
        request().queryParam("maxStaleness", "30 seconds").when().get(PATH, "sales")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("problems", hasItem(containsString("query parameter 'maxStaleness': '30 seconds'")));
    }

    @Test
    void answersAtTheFormerSalesAddress() throws SQLException {
        sixCells();

        request().queryParam("groupBy", "region")
                .when().get("/api/metrics/sales")
                .then().statusCode(200)
                .body("rows.lines", equalTo(List.of(4, 2, 6)));
    }

    @Test
    void rejectsADimensionTheAggregateDoesNotHaveAndListsThoseItHas() {
        badRequest(given().queryParam("groupBy", "region,city")).body("problems", equalTo(List.of(
                "query parameter 'groupBy': 'city' is not a dimension of this aggregate; "
                        + "available dimensions: [region, state, category]")));
        // a measure or a bookkeeping column is no dimension either, and no text reaches the SQL unchecked
        badRequest(given().queryParam("groupBy", "sales")).body("problems", hasSize(1));
        badRequest(given().queryParam("groupBy", "_bucket")).body("problems", hasSize(1));
        badRequest(given().queryParam("groupBy", "region\"; drop table curated.sales_agg; --"))
                .body("problems", hasSize(1));
        request().when().get(PATH, "sales").then().statusCode(200);
    }

    @Test
    void rejectsATimeZoneThatIsNotAnIanaName() {
        badRequest(given().queryParam("tz", "Mars/Olympus")).body("problems", equalTo(List.of(
                "query parameter 'tz': 'Mars/Olympus' is not an IANA time zone name such as UTC, Europe/Paris or "
                        + "Asia/Kolkata")));
        badRequest(given().queryParam("tz", "asia/kolkata")).body("problems", hasItem(
                "query parameter 'tz': 'asia/kolkata' is not an IANA time zone name such as UTC, Europe/Paris or "
                        + "Asia/Kolkata; did you mean 'Asia/Kolkata'?"));
        badRequest(given().queryParam("tz", "+05:30")).body("problems", hasSize(1));
    }

    @Test
    void takesAnEmptyParameterForAnAbsentOne() {
        given().when().get("/api/metrics/sales?groupBy=&from=&to=&grain=&tz=")
                .then().statusCode(200)
                .body("groupBy", equalTo(List.of()))
                .body("grain", equalTo("total"))
                .body("timeZone", equalTo("UTC"))
                .body("from", nullValue());
    }

    @Test
    void rejectsDatesThatAreNotIsoDays() {
        badRequest(given().queryParam("from", "11/8/2017")).body("problems", hasItem(
                "query parameter 'from': '11/8/2017' is not a date in the form YYYY-MM-DD"));
        badRequest(given().queryParam("to", "2017-02-30")).body("problems", hasItem(
                "query parameter 'to': '2017-02-30' is not a date in the form YYYY-MM-DD"));
    }

    @Test
    void answersTheWidestRangeOfDays() throws SQLException {
        sixCells();

        request().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows[0].lines", equalTo(12));
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        badRequest(given().queryParam("from", "2018-01-02").queryParam("to", "2018-01-01")).body("problems",
                equalTo(List.of("query parameters 'from' and 'to': from 2018-01-02 is after to 2018-01-01")));
    }

    @Test
    void rejectsAnUnknownGrain() {
        badRequest(given().queryParam("grain", "week")).body("problems", equalTo(List.of(
                "query parameter 'grain': 'week' is not supported; allowed values: [total, day, month]")));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        badRequest(given().queryParam("groupBy", "city").queryParam("grain", "hour").queryParam("from", "yesterday")
                .queryParam("tz", "Nowhere")).body("problems", hasSize(4));
    }

    @Test
    void refusesAnAnswerLargerThanTheCeiling() throws SQLException {
        tables.execute("insert into curated.sales_agg select d, 'West', 'Utah', 'Furniture', 1, 1, 1, 1, now(), null "
                + "from generate_series(date '2018-01-01', date '2018-01-01' + 500, interval '1 day') as d");

        badRequest(given().queryParam("grain", "day")).body("problems", equalTo(List.of(
                "query parameters 'from', 'to', 'grain' and 'groupBy': the answer would have more than 500 rows; "
                        + "narrow the range, use a coarser grain or group by fewer dimensions")));
        request().queryParam("grain", "day").queryParam("to", "2019-05-15")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows", hasSize(500));
        request().queryParam("grain", "month")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("rows", hasSize(17));
    }

    @Test
    void answers404ForAPipelineNobodyDeclared() throws SQLException {
        tables.execute("create table curated.plain_agg (id integer)");

        given().when().get(PATH, "nothing")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("unknown pipeline 'nothing'"))
                .body("problems", equalTo(List.of(
                        "path parameter 'pipeline': no pipeline is named 'nothing'; pipelines with an aggregate: "
                                + "[sales]")));
        // a table of that name that is not an aggregate
        given().when().get(PATH, "plain")
                .then().statusCode(404)
                .body("detail", equalTo("unknown pipeline 'plain'"));
        given().when().get(PATH, "sa\"les").then().statusCode(404);
    }

    @Test
    void answers404ForADeclaredPipelineWithoutAggregate() throws SQLException {
        tables.execute("insert into catalog.dataset (name) values ('customers') on conflict do nothing",
                "insert into catalog.pipeline_version (name, version, dataset, kind, document, media_type) "
                        + "values ('customers', 1, 'customers', 'REFERENCE', '{}', 'application/json')");

        given().when().get(PATH, "customers")
                .then().statusCode(404)
                .body("detail", equalTo("pipeline 'customers' has no aggregate"))
                .body("problems", equalTo(List.of("path parameter 'pipeline': 'customers' declares no aggregate, or "
                        + "the transform service has not created curated.customers_agg yet; pipelines with an "
                        + "aggregate: [sales]")));
    }

    @Test
    void readsTheLayoutOfAnAggregateDeclaredBeforeVersionsStoredIt() throws Exception {
        sixCells();
        tables.execute("update catalog.pipeline_version set aggregate_layout = null");
        given().when().get(PATH, "sales").then().statusCode(404);

        tables.execute(layoutsOfEarlierVersions());

        request().queryParam("groupBy", "category,region")
                .when().get(PATH, "sales")
                .then().statusCode(200)
                .body("measures", equalTo(MEASURES))
                .body("dayBoundary", equalTo("calendar date"))
                .body("rows.lines", equalTo(List.of(1, 3, 4, 1, 3)));
    }

    /** The migration's statement that reads the layouts of the aggregates stored before it. */
    private static String layoutsOfEarlierVersions() throws IOException {
        try (InputStream migration = MetricsResourceTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V10__aggregate_layout.sql")) {
            String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8);
            return sql.substring(sql.indexOf("update catalog.pipeline_version"));
        }
    }

    @Test
    void answersAnUnexpectedFailureWith500ProblemThatTellsNothingOfItsCause() {
        QuarkusMock.installMockForType(new MetricsService(null, null, null, null) {
            @Override
            public Metrics metrics(String pipeline, MetricsParameters parameters) {
                throw new IllegalStateException("connection to db.internal:5432 refused for user postgres");
            }
        }, MetricsService.class);

        given().when().get(PATH, "sales")
                .then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Internal Server Error"))
                .body("detail", containsString("its log has the cause"))
                .body(not(containsString("db.internal")))
                .body(not(containsString("IllegalStateException")));
    }

    private void sixCells() throws SQLException {
        tables.cell("sales", LocalDate.parse("2017-01-01"), List.of("West", "California", "Furniture"),
                List.of("678000.0100", "3", "100.5000"), 3, null);
        tables.cell("sales", LocalDate.parse("2017-01-02"), List.of("West", "Washington", "Technology"),
                List.of("781.2300", "2", "-20.2500"), 2, null);
        tables.cell("sales", LocalDate.parse("2017-01-01"), List.of("East", "New York", "Furniture"),
                List.of("0.1000", "1", "0.0100"), 1, null);
        tables.cell("sales", LocalDate.parse("2017-01-02"), List.of("East", "New York", "Technology"),
                List.of("0.2000", "1", "0.0200"), 1, null);
        tables.cell("sales", LocalDate.parse("2017-02-01"), List.of("Central", "Texas", "Office Supplies"),
                List.of("12.3456", "4", "1.0000"), 4, null);
        tables.cell("sales", LocalDate.parse("2017-01-31"), List.of("West", "California", "Technology"),
                List.of("1.0000", "1", "0.1000"), 1, null);
    }

    private void cell(String day, String region, String state, String category, String sales, long lines)
            throws SQLException {
        tables.cell("sales", LocalDate.parse(day), List.of(region, state, category), List.of(sales, "0", "0"),
                lines, null);
    }

    private static ValidatableResponse badRequest(RequestSpecification request) {
        return request.when().get(PATH, "sales")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("invalid query parameters"));
    }

    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }
}
