package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@TestProfile(BlendedRecommendationsProfile.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class BlendedRecommendationResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signInAndKeepFeatures() throws SQLException {
        TestTokens.signInAs(Roles.ANALYST);
        RecommendationResourceTest.storeFeatures(dataSource);
    }

    @Test
    void ranksBestSellersTheCustomerHasNotBoughtLiftedByCoPurchasesWeightedByTheirHistory() {
        // pairs in 2 orders or more: lamp 2 + 3 x 2 = 8, shelf 3 + 1 x 3 = 6; rug's pair (1 order) does not count;
        // pen 9 and rug 1 on their orders alone
        given().queryParam("limit", 10).when().get("/api/recommendations/store/customers/c1").then()
                .statusCode(200)
                .body("recommendations.product", contains("pen", "lamp", "shelf", "rug"))
                .body("recommendations.score", contains(9, 8, 6, 1))
                .body("recommendations.basis", contains("best seller", "co-purchases", "co-purchases",
                        "best seller"))
                .body("recommendations[0].reason", is("best seller: in 9 orders"))
                .body("recommendations[1].reason", is("bought together with chair in 2 orders, and in 2 orders in all"))
                .body("recommendations[2].reason", is("bought together with desk in 3 orders, and in 3 orders in all"));
    }
}
