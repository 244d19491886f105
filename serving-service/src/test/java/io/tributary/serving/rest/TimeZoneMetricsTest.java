package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * An aggregate whose event time is a timestamp: 15-minute UTC buckets, placed in the local days of the time zone
 * asked for. Seven buckets around New York's change to summer time (2018-03-11 07:00 UTC) and around midnight in
 * India (+05:30) and Nepal (+05:45); every expected total below is worked out by hand from the local times.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class TimeZoneMetricsTest {

    private static final String PATH = "/api/metrics/visits";

    @Inject
    DataSource dataSource;

    private AggregateTables tables;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    @BeforeEach
    void createVisitsAggregate() throws SQLException {
        tables = new AggregateTables(dataSource);
        tables.create("visits", AggregateLayout.Bucket.TIMESTAMP, List.of("channel"), List.of("amount"));
    }

    @AfterEach
    void dropVisitsAggregate() throws SQLException {
        tables.execute("drop table curated.visits_agg");
    }

    /**
     * Bucket (UTC) -> amount; local time in Kolkata / Kathmandu / New York.
     *
     * <pre>
     * A 2018-03-10 18:00 ->       100; 03-10 23:30 / 03-10 23:45 / 03-10 13:00 EST
     * B 2018-03-10 18:15 ->         1; 03-10 23:45 / 03-11 00:00 / 03-10 13:15 EST
     * C 2018-03-10 18:30 ->        10; 03-11 00:00 / 03-11 00:15 / 03-10 13:30 EST
     * D 2018-03-11 04:00 ->    10 000; 03-11 09:30 / 03-11 09:45 / 03-10 23:00 EST
     * E 2018-03-11 04:45 ->     1 000; 03-11 10:15 / 03-11 10:30 / 03-10 23:45 EST
     * F 2018-03-11 05:00 -> 1 000 000; 03-11 10:30 / 03-11 10:45 / 03-11 00:00 EST
     * G 2018-03-12 04:00 ->   100 000; 03-12 09:30 / 03-12 09:45 / 03-12 00:00 EDT (03-11 23:00 if it were EST)
     * </pre>
     */
    private void sevenBuckets() throws SQLException {
        bucket("2018-03-10T18:00:00Z", "web", "100");
        bucket("2018-03-10T18:15:00Z", "web", "1");
        bucket("2018-03-10T18:30:00Z", "shop", "10");
        bucket("2018-03-11T04:00:00Z", "web", "10000");
        bucket("2018-03-11T04:45:00Z", "shop", "1000");
        bucket("2018-03-11T05:00:00Z", "web", "1000000");
        bucket("2018-03-12T04:00:00Z", "web", "100000");
    }

    @Test
    void countsDaysInUtcByDefault() throws SQLException {
        sevenBuckets();

        // A B C | D E F | G
        request().queryParam("grain", "day")
                .when().get(PATH)
                .then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("dayBoundary", equalTo("UTC"))
                .body("rows.period", equalTo(List.of("2018-03-10", "2018-03-11", "2018-03-12")))
                .body("rows.measures.amount", equalTo(decimals("111", "1011000", "100000")))
                .body("rows.lines", equalTo(List.of(3, 3, 1)));
    }

    @Test
    void startsDaysAtMidnightInKolkata() throws SQLException {
        sevenBuckets();

        // A B | C D E F | G
        request().queryParam("grain", "day").queryParam("tz", "Asia/Kolkata")
                .when().get(PATH)
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Kolkata"))
                .body("dayBoundary", equalTo("Asia/Kolkata"))
                .body("rows.period", equalTo(List.of("2018-03-10", "2018-03-11", "2018-03-12")))
                .body("rows.measures.amount", equalTo(decimals("101", "1011010", "100000")))
                .body("rows.lines", equalTo(List.of(2, 4, 1)));
    }

    @Test
    void startsDaysAtMidnightInKathmandu() throws SQLException {
        sevenBuckets();

        // A | B C D E F | G
        request().queryParam("grain", "day").queryParam("tz", "Asia/Kathmandu")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2018-03-10", "2018-03-11", "2018-03-12")))
                .body("rows.measures.amount", equalTo(decimals("100", "1011011", "100000")))
                .body("rows.lines", equalTo(List.of(1, 5, 1)));
    }

    @Test
    void followsNewYorkAcrossItsChangeToSummerTime() throws SQLException {
        sevenBuckets();

        // A B C D E | F | G: the day of the change has 23 hours
        request().queryParam("grain", "day").queryParam("tz", "America/New_York")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2018-03-10", "2018-03-11", "2018-03-12")))
                .body("rows.measures.amount", equalTo(decimals("11111", "1000000", "100000")))
                .body("rows.lines", equalTo(List.of(5, 1, 1)));
    }

    @Test
    void selectsWholeLocalDaysOfTheTimeZone() throws SQLException {
        sevenBuckets();

        request().queryParam("tz", "America/New_York").queryParam("from", "2018-03-11").queryParam("to",
                "2018-03-11")
                .when().get(PATH)
                .then().statusCode(200)
                .body("from", equalTo("2018-03-11"))
                .body("to", equalTo("2018-03-11"))
                .body("rows.measures.amount", equalTo(decimals("1000000")));
        request().queryParam("tz", "Asia/Kolkata").queryParam("to", "2018-03-10")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.measures.amount", equalTo(decimals("101")));
        request().queryParam("tz", "Asia/Kathmandu").queryParam("from", "2018-03-11").queryParam("to",
                "2018-03-11")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.measures.amount", equalTo(decimals("1011011")));
        request().queryParam("tz", "Pacific/Kiritimati").queryParam("from", "2018-03-13")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows", hasSize(0));
        request().queryParam("tz", "Pacific/Pago_Pago").queryParam("from", "0001-01-01").queryParam("to",
                "9999-12-31")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.lines", equalTo(List.of(7)));
    }

    @Test
    void groupsByDimensionWithinLocalDays() throws SQLException {
        sevenBuckets();

        request().queryParam("groupBy", "channel").queryParam("grain", "day").queryParam("tz", "Asia/Kolkata")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.dimensions.channel", equalTo(List.of("shop", "web", "web", "web")))
                .body("rows.period", equalTo(List.of("2018-03-11", "2018-03-10", "2018-03-11", "2018-03-12")))
                .body("rows.measures.amount", equalTo(decimals("1010", "101", "1010000", "100000")));
    }

    @Test
    void placesMonthsInTheTimeZone() throws SQLException {
        bucket("2018-03-31T18:00:00Z", "web", "1.25");
        bucket("2018-03-31T18:30:00Z", "web", "2.50");
        bucket("2018-04-01T03:45:00Z", "web", "4.00");

        request().queryParam("grain", "month")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2018-03", "2018-04")))
                .body("rows.measures.amount", equalTo(decimals("3.75", "4.00")));
        request().queryParam("grain", "month").queryParam("tz", "Asia/Kolkata")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2018-03", "2018-04")))
                .body("rows.measures.amount", equalTo(decimals("1.25", "6.50")));
        request().queryParam("grain", "month").queryParam("tz", "America/New_York")
                .when().get(PATH)
                .then().statusCode(200)
                .body("rows.period", equalTo(List.of("2018-03")))
                .body("rows.measures.amount", equalTo(decimals("7.75")));
    }

    private void bucket(String start, String channel, String amount) throws SQLException {
        // two decimals, so that every sum comes back as a decimal, not as a JSON integer
        tables.cell("visits", Instant.parse(start), List.of(channel),
                List.of(new BigDecimal(amount).setScale(2).toPlainString()), 1, null);
    }

    private static List<BigDecimal> decimals(String... values) {
        return List.of(values).stream().map(value -> new BigDecimal(value).setScale(2)).toList();
    }

    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }
}
