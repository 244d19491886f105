package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class SalesMetricsResourceTest {

    private static final String PATH = "/api/metrics/sales";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from curated.sales_by_region_day");
            statement.execute("delete from catalog.freshness_watermark");
        }
    }

    @Test
    void totalsSalesPerRegionExactlyOverAllDays() throws SQLException {
        insert("West", "2017-01-01", "678000.0100", 3);
        insert("West", "2017-01-02", "781.2300", 2);
        insert("East", "2017-01-01", "0.1000", 1);
        insert("East", "2017-01-02", "0.2000", 1);
        insert("Central", "2017-01-03", "12.3456", 4);

        String body = request().queryParam("groupBy", "region")
                .when().get(PATH)
                .then().statusCode(200)
                .body("metric", equalTo("sales"))
                .body("groupBy", equalTo("region"))
                .body("grain", equalTo("total"))
                .body("from", nullValue())
                .body("to", nullValue())
                .body("rows.region", equalTo(List.of("Central", "East", "West")))
                .body("rows[0].sales", comparesEqualTo(new BigDecimal("12.3456")))
                .body("rows[1].sales", comparesEqualTo(new BigDecimal("0.3000")))
                .body("rows[2].sales", comparesEqualTo(new BigDecimal("678781.2400")))
                .body("rows.lines", equalTo(List.of(4, 2, 5)))
                .body("rows[0]", not(hasKey("day")))
                .extract().asString();
        // exact decimals, with the aggregate's scale: never passed through a double
        assertTrue(body.contains("\"sales\":678781.2400"), body);
        assertTrue(body.contains("\"sales\":0.3000"), body);
    }

    @Test
    void keepsSumsOfManySmallAmountsExact() throws SQLException {
        LocalDate day = LocalDate.parse("2018-01-01");
        for (int i = 0; i < 30; i++) {
            insert("South", day.plusDays(i).toString(), "0.1000", 1);
        }

        request().queryParam("groupBy", "region")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows[0].sales", equalTo(new BigDecimal("3.0000")))
                .body("rows[0].lines", equalTo(30));
    }

    @Test
    void listsOneRowPerRegionAndDayWithGrainDay() throws SQLException {
        insert("West", "2017-01-02", "2.0000", 2);
        insert("East", "2017-01-02", "20.0000", 20);
        insert("West", "2017-01-01", "1.0000", 1);

        request().queryParam("groupBy", "region").queryParam("grain", "day")
                .when().get(PATH)
                .then().statusCode(200)
                .body("grain", equalTo("day"))
                .body("rows", hasSize(3))
                .body("rows.region", equalTo(List.of("East", "West", "West")))
                .body("rows.day", equalTo(List.of("2017-01-02", "2017-01-01", "2017-01-02")))
                .body("rows[1].sales", comparesEqualTo(new BigDecimal("1.0000")))
                .body("rows.lines", equalTo(List.of(20, 1, 2)));
    }

    @Test
    void includesBothBoundaryDaysOfTheRange() throws SQLException {
        insert("West", "2017-12-31", "1.0000", 1);
        insert("West", "2018-01-01", "10.0000", 1);
        insert("West", "2018-01-15", "100.0000", 1);
        insert("West", "2018-01-31", "1000.0000", 1);
        insert("West", "2018-02-01", "10000.0000", 1);

        request().queryParam("groupBy", "region").queryParam("from", "2018-01-01").queryParam("to", "2018-01-31")
                .when().get(PATH)
                .then().statusCode(200)
                .body("from", equalTo("2018-01-01"))
                .body("to", equalTo("2018-01-31"))
                .body("rows[0].sales", comparesEqualTo(new BigDecimal("1110.0000")))
                .body("rows[0].lines", equalTo(3));
        request().queryParam("groupBy", "region").queryParam("grain", "day").queryParam("from", "2018-01-31")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.day", equalTo(List.of("2018-01-31", "2018-02-01")));
        request().queryParam("groupBy", "region").queryParam("to", "2017-12-31")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows[0].sales", comparesEqualTo(BigDecimal.ONE));
        request().queryParam("groupBy", "region").queryParam("from", "2018-01-15").queryParam("to", "2018-01-15")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows[0].sales", comparesEqualTo(new BigDecimal("100")));
    }

    @Test
    void answersNoRowsWhenNothingFallsInTheRange() throws SQLException {
        insert("West", "2017-01-01", "1.0000", 1);

        request().queryParam("groupBy", "region").queryParam("from", "2019-01-01")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows", hasSize(0));
    }

    @Test
    void saysHowCurrentTheAggregateIs() throws SQLException {
        request().queryParam("groupBy", "region")
                .when().get(PATH)
                .then().statusCode(200)
                .body("currentAsOf", nullValue());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "insert into catalog.freshness_watermark (table_name, current_as_of, updated_at) values (?, ?, now())")) {
            statement.setString(1, "curated.sales_by_region_day");
            statement.setTimestamp(2, Timestamp.from(Instant.parse("2018-12-30T17:45:12.250Z")));
            statement.executeUpdate();
        }

        request().queryParam("groupBy", "region")
                .when().get(PATH)
                .then().statusCode(200)
                .body("currentAsOf", equalTo("2018-12-30T17:45:12.250Z"));
    }

    @Test
    void rejectsAMissingGroupBy() {
        badRequest(given()).body("details", hasItem(
                "query parameter 'groupBy': is required; allowed values: [region]"));
    }

    @Test
    void rejectsAnUnsupportedGroupBy() {
        badRequest(given().queryParam("groupBy", "product")).body("details", hasItem(
                "query parameter 'groupBy': 'product' is not supported; allowed values: [region]"));
    }

    @Test
    void rejectsAnUnknownGrain() {
        badRequest(given().queryParam("groupBy", "region").queryParam("grain", "week")).body("details", hasItem(
                "query parameter 'grain': 'week' is not supported; allowed values: [total, day]"));
    }

    @Test
    void rejectsDatesThatAreNotIsoDays() {
        badRequest(given().queryParam("groupBy", "region").queryParam("from", "11/8/2017"))
                .body("details", hasItem("query parameter 'from': '11/8/2017' is not a date in the form YYYY-MM-DD"));
        badRequest(given().queryParam("groupBy", "region").queryParam("to", "2017-02-30"))
                .body("details", hasItem("query parameter 'to': '2017-02-30' is not a date in the form YYYY-MM-DD"));
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        badRequest(given().queryParam("groupBy", "region").queryParam("from", "2018-01-02").queryParam("to",
                "2018-01-01")).body("details", hasItem(
                        "query parameters 'from' and 'to': from 2018-01-02 is after to 2018-01-01"));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        badRequest(given().queryParam("groupBy", "city").queryParam("grain", "hour").queryParam("from", "yesterday"))
                .body("details", hasSize(3));
    }

    private static ValidatableResponse badRequest(RequestSpecification request) {
        return request.when().get(PATH)
                .then().statusCode(400)
                .contentType("application/json")
                .body("error", equalTo("invalid query parameters"));
    }

    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private void insert(String region, String day, String sales, long lines) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "insert into curated.sales_by_region_day (region, day, sales, lines, updated_at)"
                                + " values (?, ?, ?, ?, now())")) {
            statement.setString(1, region);
            statement.setObject(2, LocalDate.parse(day));
            statement.setBigDecimal(3, new BigDecimal(sales));
            statement.setLong(4, lines);
            statement.executeUpdate();
        }
    }
}
