package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.requirements.rest.RequirementsData.ACTOR;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class StakeholderResourceTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @BeforeEach
    void emptyCatalog() throws SQLException {
        RequirementsData.empty(dataSource);
    }

    @Test
    void keepsAnswersAndShowsTheQuestionsStillOpenForTheStakeholdersDirection() {
        long id = RequirementsData.marketing("http://127.0.0.1:9/hook");
        given().when().get("/api/stakeholders/{id}", id)
                .then().statusCode(200)
                .body("direction", equalTo("DOWNSTREAM"))
                .body("contact.webhook", equalTo("http://127.0.0.1:9/hook"))
                .body("openQuestions", equalTo(List.of("ACTIONS", "QUERY_FREQUENCY", "UPDATE_FREQUENCY",
                        "ACCEPTABLE_LATENCY", "DEFINITIONS", "DETAILS")));

        given().contentType(ContentType.JSON).header(ACTOR, "erin")
                .body("{\"answer\":\"retarget ad campaigns by region every morning\"}")
                .when().put("/api/stakeholders/{id}/answers/actions", id)
                .then().statusCode(200)
                .body("openQuestions", not(hasItem("ACTIONS")))
                .body("checklist[0].answer", equalTo("retarget ad campaigns by region every morning"))
                .body("checklist[0].answeredBy", equalTo("erin"))
                .body("checklist[0].open", equalTo(false));
    }

    @Test
    void refusesAQuestionOfTheOtherDirectionAndAnUnknownOne() {
        long id = RequirementsData.marketing(null);
        given().contentType(ContentType.JSON).body("{\"answer\":\"10k rows a day\"}")
                .when().put("/api/stakeholders/{id}/answers/VOLUME", id)
                .then().statusCode(400)
                .body("problems[0]", startsWith("path parameter 'question': VOLUME is asked of UPSTREAM"));
        given().contentType(ContentType.JSON).body("{\"answer\":\"x\"}")
                .when().put("/api/stakeholders/{id}/answers/colour", id)
                .then().statusCode(404);
    }

    @Test
    void refusesWebhooksOffTheAllowListAndOtherSchemesListingEveryProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Mallory\",\"job\":\"analyst\",\"direction\":\"SIDEWAYS\",\"contact\":{\"email\":"
                        + "\"nope\",\"webhook\":\"ftp://127.0.0.1/x\"}}")
                .when().post("/api/stakeholders")
                .then().statusCode(400)
                .body("problems", equalTo(List.of(
                        "$.direction: 'SIDEWAYS' is not one of [UPSTREAM, DOWNSTREAM]",
                        "$.contact.email: 'nope' is not an e-mail address",
                        "$.contact.webhook: only http and https webhooks are allowed, found 'ftp://127.0.0.1/x'")));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Mallory\",\"job\":\"analyst\",\"direction\":\"DOWNSTREAM\",\"contact\":"
                        + "{\"webhook\":\"https://169.254.169.254/latest\"}}")
                .when().post("/api/stakeholders")
                .then().statusCode(400)
                .body("problems[0]", startsWith("$.contact.webhook: host '169.254.169.254' is not on the webhook "
                        + "allow-list"));
    }

    @Test
    void recordsAndChangesAGoal() {
        long goal = RequirementsData.goal();
        given().contentType(ContentType.JSON).body("{\"title\":\"Grow revenue\",\"owner\":\"CMO\"}")
                .when().put("/api/goals/{id}", goal)
                .then().statusCode(200)
                .body("title", equalTo("Grow revenue"))
                .body("description", equalTo(""));
        given().contentType(ContentType.JSON).body("{\"title\":\"\",\"colour\":1}")
                .when().post("/api/goals")
                .then().statusCode(400)
                .body("problems", hasItem(startsWith("$.colour: is not a known field")))
                .body("problems", hasItem("$.title: must not be blank"));
    }
}
