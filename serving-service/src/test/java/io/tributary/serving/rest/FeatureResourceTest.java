package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
class FeatureResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    /** The feature tables as the transform service keeps them for a pipeline named {@code shop}. */
    @BeforeEach
    void features() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists curated");
            s.execute("drop table if exists curated.shop_customer_products, curated.shop_co_purchases");
            s.execute("create table curated.shop_customer_products (customer text not null, product text not null, "
                    + "orders bigint not null, quantity numeric not null, last_event date, "
                    + "primary key (customer, product))");
            s.execute("create table curated.shop_co_purchases (product text not null, other_product text not null, "
                    + "orders bigint not null, primary key (product, other_product))");
            s.execute("insert into curated.shop_customer_products values ('c1', 'chair', 3, 5, '2024-03-02'), "
                    + "('c1', 'desk', 1, 1, '2024-03-01'), ('c2', 'lamp', 2, 2, '2024-03-03')");
            s.execute("insert into curated.shop_co_purchases values ('chair', 'desk', 4), ('chair', 'lamp', 7), "
                    + "('desk', 'chair', 4)");
        }
    }

    @Test
    void listsWhatACustomerBoughtMostOrderedFirst() {
        given().when().get("/api/features/shop/customers/c1/purchases").then().statusCode(200)
                .body("customer", is("c1"))
                .body("purchases.product", contains("chair", "desk"))
                .body("purchases[0].orders", is(3))
                .body("purchases[0].lastEvent", is("2024-03-02"));
    }

    @Test
    void listsWhatIsMostOftenBoughtWithAProduct() {
        given().queryParam("limit", 1).when().get("/api/features/shop/products/chair/co-purchases").then()
                .statusCode(200)
                .body("boughtWith.product", contains("lamp"))
                .body("boughtWith[0].orders", is(7));
    }

    @Test
    void answersClearlyForAPipelineWithoutFeaturesOrABadLimit() {
        given().when().get("/api/features/nothing/customers/c1/purchases").then().statusCode(404)
                .body("detail", containsString("keeps no recommender features"));
        given().queryParam("limit", "many").when().get("/api/features/shop/products/chair/co-purchases").then()
                .statusCode(400).body("problems[0]", containsString("query parameter 'limit'"));
    }

    @Test
    void saysHowCurrentTheFeaturesAreAndRefusesThemWhenOlderThanAsked() throws SQLException {
        Instant currentAsOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from catalog.freshness_watermark where table_name = 'shop_agg'");
            s.execute("insert into catalog.freshness_watermark (table_name, current_as_of, updated_at) values "
                    + "('shop_agg', '" + currentAsOf + "', now())");
        }
        given().when().get("/api/features/shop/customers/c1/purchases").then().statusCode(200)
                .body("currentAsOf", is(currentAsOf.toString()));
        given().queryParam("maxStaleness", "PT1M").when().get("/api/features/shop/products/chair/co-purchases")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "60")
                .body("detail", containsString("current as of " + currentAsOf));
        given().queryParam("maxStaleness", "PT1H").when().get("/api/features/shop/products/chair/co-purchases")
                .then().statusCode(200)
                .body("currentAsOf", is(currentAsOf.toString()));
        given().queryParam("maxStaleness", "soon").queryParam("limit", "0")
                .when().get("/api/features/shop/customers/c1/purchases").then().statusCode(400)
                .body("problems", hasItems(containsString("query parameter 'limit'"),
                        containsString("query parameter 'maxStaleness': 'soon'")));
    }
}
