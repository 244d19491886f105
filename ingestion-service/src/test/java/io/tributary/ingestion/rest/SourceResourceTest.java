package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
class SourceResourceTest {

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

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
                .body("detail", containsString("shop-dup"));
    }

    @Test
    void rejectsInvalidDefinitionNamingEachField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name":"Bad Name","dataset":"sales","format":"xml","timeZone":"Mars/Olympus",
                         "options":{"delimiter":"::","colour":"red"}}""")
                .when().post("/api/sources")
                .then().statusCode(400)
                .body("problems", hasItem(containsString("name:")))
                .body("problems", hasItem(containsString("format:")))
                .body("problems", hasItem(containsString("timeZone:")))
                .body("problems", hasItem(containsString("options.delimiter")))
                .body("problems", hasItem(containsString("options.colour")));
    }

    @Test
    void rejectsMalformedJsonWithBadRequest() {
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/sources").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("problems[0]", containsString("$: not valid JSON at line 1"));
    }

    @Test
    void rejectsJsonOfTheWrongShapeNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"shop\",\"options\":[\"x\"]}").post("/api/sources")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("problems", hasItem("$.options: must be an object"));
    }

    @Test
    void answersNotFoundForUnknownSource() {
        given().when().get("/api/sources/nowhere")
                .then().statusCode(404)
                .body("detail", containsString("nowhere"));
    }
}
