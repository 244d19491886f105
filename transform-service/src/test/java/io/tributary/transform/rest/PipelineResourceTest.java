package io.tributary.transform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class PipelineResourceTest {

    @Test
    void showsSalesPipelineInputAndOutputs() {
        given().when().get("/api/pipelines/sales")
                .then().statusCode(200)
                .body("dataset", is("sales"))
                .body("input", is("tributary-records-accepted"))
                .body("outputs", hasItem("curated.sales_by_region_day"));
        given().when().get("/api/pipelines").then().statusCode(200).body("name", hasItem("sales"));
    }

    @Test
    void answersNotFoundForUnknownPipeline() {
        given().when().get("/api/pipelines/nope").then().statusCode(404);
    }
}
