package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class SourceResourceTest {

    @Test
    void registersSourceAndShowsIt() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name":"pos-east","dataset":"sales","format":"csv","timeZone":"America/New_York",
                         "options":{"delimiter":";"}}""")
                .when().post("/api/sources")
                .then().statusCode(201)
                .header("Location", containsString("/api/sources/pos-east"))
                .body("format", is("CSV"))
                .body("options.delimiter", is(";"));
        given().when().get("/api/sources/pos-east").then().statusCode(200).body("timeZone", is("America/New_York"));
        given().when().get("/api/sources").then().statusCode(200).body("name", hasItem("pos-east"));
    }

    @Test
    void refusesSecondSourceWithSameName() {
        String body = """
                {"name":"shop-dup","dataset":"sales","format":"CSV"}""";
        given().contentType(ContentType.JSON).body(body).post("/api/sources").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/sources")
                .then().statusCode(409)
                .body("error", containsString("shop-dup"));
    }

    @Test
    void rejectsInvalidDefinitionNamingEachField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name":"Bad Name","dataset":"sales","format":"xml","timeZone":"Mars/Olympus",
                         "options":{"delimiter":"::","colour":"red"}}""")
                .when().post("/api/sources")
                .then().statusCode(400)
                .body("details", hasItem(containsString("name:")))
                .body("details", hasItem(containsString("format:")))
                .body("details", hasItem(containsString("timeZone:")))
                .body("details", hasItem(containsString("options.delimiter")))
                .body("details", hasItem(containsString("options.colour")));
    }

    @Test
    void rejectsMalformedJsonWithBadRequest() {
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/sources").then().statusCode(400);
    }

    @Test
    void answersNotFoundForUnknownSource() {
        given().when().get("/api/sources/nowhere")
                .then().statusCode(404)
                .body("error", containsString("nowhere"));
    }
}
