package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.curated.AggregateLayout;
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
class RecommendationResourceTest {

    private static final Instant CURRENT_AS_OF = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    /**
     * The feature tables of a pipeline named {@code store} as the transform keeps them: c1 bought chairs in 3 orders
     * and a desk in 1; chairs were ordered with lamps 2 times and with rugs once, desks with shelves 3 times.
     */
    @BeforeEach
    void features() throws SQLException {
        storeFeatures(dataSource);
    }

    static void storeFeatures(AgroalDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists curated");
            s.execute("drop table if exists curated.store_customer_products, curated.store_co_purchases");
            s.execute("create table curated.store_customer_products (customer text not null, product text not null, "
                    + "orders bigint not null, quantity numeric not null, last_event date, "
                    + "primary key (customer, product))");
            s.execute("create table curated.store_co_purchases (product text not null, other_product text not null, "
                    + "orders bigint not null, primary key (product, other_product))");
            s.execute("insert into curated.store_customer_products values "
                    + "('c1', 'chair', 3, 3, '2024-03-02'), ('c1', 'desk', 1, 1, '2024-03-01'), "
                    + "('c2', 'chair', 2, 2, '2024-03-03'), ('c2', 'lamp', 2, 2, '2024-03-03'), "
                    + "('c3', 'desk', 3, 3, '2024-03-03'), ('c3', 'shelf', 3, 3, '2024-03-03'), "
                    + "('c4', 'pen', 9, 9, '2024-03-04'), ('c4', 'chair', 1, 1, '2024-03-04'), "
                    + "('c4', 'rug', 1, 1, '2024-03-04')");
            s.execute("insert into curated.store_co_purchases values "
                    + "('chair', 'desk', 1), ('desk', 'chair', 1), ('chair', 'lamp', 2), ('lamp', 'chair', 2), "
                    + "('chair', 'rug', 1), ('rug', 'chair', 1), ('desk', 'shelf', 3), ('shelf', 'desk', 3)");
            s.execute("delete from catalog.freshness_watermark where table_name = 'store_agg'");
            s.execute("insert into catalog.freshness_watermark (table_name, current_as_of, updated_at) values "
                    + "('store_agg', '" + CURRENT_AS_OF + "', now())");
        }
    }

    @Test
    void ranksProductsBoughtWithTheCustomersInTwoOrdersOrMoreAheadOfTheBestSellers() {
        // pairs in 2 orders or more: lamp 3 x 2 = 6 (chair in 3 of c1's orders), shelf 1 x 3 = 3; rug's pair (1 order)
        // does not count; then the best sellers c1 has not bought: pen 9, rug 1
        given().queryParam("limit", 10).when().get("/api/recommendations/store/customers/c1").then()
                .statusCode(200)
                .body("customer", is("c1"))
                .body("currentAsOf", is(CURRENT_AS_OF.toString()))
                .body("recommendations.product", contains("lamp", "shelf", "pen", "rug"))
                .body("recommendations.score", contains(6, 3, 9, 1))
                .body("recommendations.basis", contains("co-purchases", "co-purchases", "best seller",
                        "best seller"))
                .body("recommendations[0].reason", is("bought together with chair in 2 orders"))
                .body("recommendations[1].reason", is("bought together with desk in 3 orders"))
                .body("recommendations[2].reason", is("best seller: in 9 orders"));
    }

    @Test
    void givesACustomerWithoutHistoryTheBestSellers() {
        given().queryParam("limit", 2).when().get("/api/recommendations/store/customers/nobody").then()
                .statusCode(200)
                .body("currentAsOf", is(CURRENT_AS_OF.toString()))
                .body("recommendations.product", contains("pen", "chair"))
                .body("recommendations[1].reason", is("best seller: in 6 orders"));
    }

    @Test
    void givesACustomerWithoutHistoryTheBestSellersOfTheirRegionThenOverall() throws SQLException {
        AggregateTables tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.pipeline_version where name = 'store'");
        tables.create("store", AggregateLayout.Bucket.DATE, List.of("region", "product_id"), List.of("sales"));
        tables.execute("update catalog.pipeline_version set media_type = 'application/yaml', document = "
                + "'name: store\nfeatures:\n  customer: customer_id\n  order: order_id\n  product: product_id\n' "
                + "where name = 'store'");
        LocalDate day = LocalDate.of(2024, 3, 1);
        tables.cell("store", day, List.of("West", "ink"), List.of("10"), 3, null);
        tables.cell("store", day.plusDays(1), List.of("West", "ink"), List.of("10"), 2, null);
        tables.cell("store", day, List.of("West", "rug"), List.of("10"), 2, null);
        tables.cell("store", day, List.of("East", "pen"), List.of("10"), 7, null);

        given().queryParam("region", "West").queryParam("limit", 3)
                .when().get("/api/recommendations/store/customers/nobody").then()
                .statusCode(200)
                .body("recommendations.product", contains("ink", "rug", "pen"))
                .body("recommendations.score", contains(5, 2, 9))
                .body("recommendations[0].reason", is("best seller in West: on 5 order lines"))
                .body("recommendations[2].reason", is("best seller: in 9 orders"));
        given().queryParam("region", "Atlantis").queryParam("limit", 2)
                .when().get("/api/recommendations/store/customers/nobody").then()
                .statusCode(200)
                .body("recommendations.product", contains("pen", "chair"));
        // a customer with a history gets the overall best sellers after their co-purchases, whatever the region
        given().queryParam("region", "West").queryParam("limit", 3)
                .when().get("/api/recommendations/store/customers/c1").then()
                .statusCode(200)
                .body("recommendations.product", contains("lamp", "shelf", "pen"));
    }

    @Test
    void listsTheProductsMostOftenBoughtTogetherWithAProduct() {
        given().when().get("/api/recommendations/store/products/chair/similar").then()
                .statusCode(200)
                .body("product", is("chair"))
                .body("$", not(hasKey("customer")))
                .body("currentAsOf", is(CURRENT_AS_OF.toString()))
                .body("recommendations.product", contains("lamp", "desk", "rug"))
                .body("recommendations[0].reason", is("bought together with chair in 2 orders"));
    }

    @Test
    void answersClearlyForABadLimitStaleFeaturesOrAPipelineWithoutFeatures() {
        given().queryParam("limit", "0").when().get("/api/recommendations/store/customers/c1").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("problems[0]", containsString("query parameter 'limit'"));
        given().queryParam("maxStaleness", "PT1M").when().get("/api/recommendations/store/products/chair/similar")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "60")
                .body("detail", containsString("current as of " + CURRENT_AS_OF));
        given().when().get("/api/recommendations/nothing/customers/c1").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("keeps no recommender features"));
    }
}
