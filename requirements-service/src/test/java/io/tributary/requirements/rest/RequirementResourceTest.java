package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.requirements.rest.RequirementsData.ACTOR;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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
class RequirementResourceTest {

    private static final String SERVING = "{\"type\":\"SERVING\",\"name\":\"/api/metrics/sales?groupBy=region\"}";

    @Inject
    DataSource dataSource;

    private long goal;
    private long marketing;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @BeforeEach
    void emptyCatalog() throws SQLException {
        RequirementsData.empty(dataSource);
        goal = RequirementsData.goal();
        marketing = RequirementsData.marketing(null);
    }

    @Test
    void draftsARequirementWithATypedObjectiveAndTheDefaultSlo() {
        given().contentType(ContentType.JSON).header(ACTOR, "erin.engineer")
                .body(RequirementsData.freshnessBody(goal, marketing, SERVING, 60))
                .when().post("/api/requirements")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("version", equalTo(1))
                .body("state", equalTo("DRAFT"))
                .body("objective.kind", equalTo("freshness"))
                .body("objective.maximum", equalTo(60))
                .body("objective.unit", equalTo("s"))
                .body("slo.target", equalTo(0.99f))
                .body("slo.window.length", equalTo("P28D"))
                .body("slo.slice", equalTo("PT1M"))
                .body("target.type", equalTo("SERVING"))
                .body("readBack", nullValue())
                .body("allowedActions", equalTo(List.of("PROPOSE", "EDIT")))
                .body("openQuestions", hasItems("Dana Reyes: ACTIONS", "Dana Reyes: ACCEPTABLE_LATENCY"));
    }

    @Test
    void listsEveryProblemOfARequirementWithItsJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"level\":\"TEAM\",\"kind\":\"FUNCTIONAL\",\"goalId\":999,\"stakeholderIds\":[" + marketing
                        + ", 4242],\"statement\":\"  \",\"target\":{\"type\":\"PIPELINE\",\"name\":\"Sales!\"},"
                        + "\"objective\":{\"kind\":\"latency\",\"maximum\":3,\"unit\":\"fortnights\",\"percentile\":"
                        + "120},\"slo\":{\"target\":1.5,\"window\":{\"type\":\"CALENDAR\",\"period\":\"MONTH\","
                        + "\"timeZone\":\"Mars/Olympus\"}}}")
                .when().post("/api/requirements")
                .then().statusCode(400)
                .body("detail", equalTo("the requirement is not valid"))
                .body("problems", hasItems(
                        "$.level: 'TEAM' is not one of [BUSINESS, STAKEHOLDER, SYSTEM]",
                        "$.statement: must not be blank",
                        "$.objective.unit: 'fortnights' is not a unit of time; use one of [ms, s, min, h, d]",
                        "$.slo.window.timeZone: 'Mars/Olympus' is not a time zone; use an IANA name such as "
                                + "America/New_York",
                        "$.slo.target: must be a share between 0 and 1, both excluded (0.99 for 99%), found 1.5"))
                .body("problems", hasItem(startsWith("$.target.name: 'Sales!' is not a pipeline name")))
                .body("problems", hasItem(startsWith("$.objective.percentile: must be above 0 and below 100")));
    }

    @Test
    void namesUnknownGoalsAndStakeholdersOfAValidBody() {
        given().contentType(ContentType.JSON)
                .body(RequirementsData.freshnessBody(999, 4242, SERVING, 60))
                .when().post("/api/requirements")
                .then().statusCode(400)
                .body("problems",
                        equalTo(List.of("$.goalId: no goal 999", "$.stakeholderIds[0]: no stakeholder 4242")));
    }

    @Test
    void refusesAMeasuredObjectiveOnAFunctionalRequirementAndOnATargetItCannotBeMeasuredOn() {
        given().contentType(ContentType.JSON)
                .body("{\"level\":\"SYSTEM\",\"kind\":\"FUNCTIONAL\",\"statement\":\"served answers\",\"target\":"
                        + "{\"type\":\"SOURCE\",\"name\":\"webshop\"},\"objective\":{\"kind\":\"availability\","
                        + "\"within\":1,\"unit\":\"s\"}}")
                .when().post("/api/requirements")
                .then().statusCode(400)
                .body("problems", contains(
                        "$.kind: a availability objective says how well the system works: the requirement is "
                                + "NON_FUNCTIONAL, found FUNCTIONAL",
                        "$.target.type: a availability objective is measured on [SERVING], not on a SOURCE"));
    }

    @Test
    void aStakeholderReadsAndConfirmsOnlyTheRequirementsTheyAreAStakeholderOf() {
        long other = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Priya Natarajan\",\"job\":\"data scientist\",\"team\":\"Data science\","
                        + "\"direction\":\"DOWNSTREAM\",\"contact\":{\"email\":\"priya@shop.test\"}}")
                .when().post("/api/stakeholders").then().statusCode(201).extract().jsonPath().getLong("id");
        long own = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);
        long foreign = RequirementsData.freshnessRequirement(goal, other, SERVING, 30);
        for (long id : List.of(own, foreign)) {
            given().contentType(ContentType.JSON).header(ACTOR, "erin.engineer").body("{}")
                    .when().post("/api/requirements/{id}/proposals", id).then().statusCode(200);
        }
        String dana = TestTokens.stakeholderToken("dana", marketing);

        given().auth().oauth2(dana).when().get("/api/requirements")
                .then().statusCode(200).body("id", contains((int) own));
        given().auth().oauth2(dana).when().get("/api/requirements/{id}", own).then().statusCode(200);
        for (String path : List.of("", "/versions", "/history", "/read-back", "/trace")) {
            given().auth().oauth2(dana).when().get("/api/requirements/{id}" + path, foreign)
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", startsWith("'dana' is not a stakeholder of requirement " + foreign));
        }
        given().auth().oauth2(dana).contentType(ContentType.JSON).body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/{id}/confirmations", foreign).then().statusCode(403);
        given().auth().oauth2(dana).contentType(ContentType.JSON).body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/{id}/confirmations", own)
                .then().statusCode(200).body("state", equalTo("CONFIRMED"));
        given().when().get("/api/requirements/{id}/history", own)
                .then().body("find { it.action == 'CONFIRM' }.by", equalTo("dana"));
        given().when().get("/api/requirements/{id}", foreign).then().statusCode(200).body("state", equalTo("PROPOSED"));
        // a stakeholder token that names no stakeholder sees no requirement
        given().auth().oauth2(TestTokens.token(Roles.STAKEHOLDER)).when().get("/api/requirements")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void answers404ForUnknownIds() {
        given().when().get("/api/requirements/987").then().statusCode(404)
                .body("detail", equalTo("no requirement 987"));
        given().when().get("/api/goals/987").then().statusCode(404).body("detail", equalTo("no goal 987"));
        given().when().get("/api/stakeholders/987").then().statusCode(404)
                .body("detail", equalTo("no stakeholder 987"));
        given().when().get("/api/requirements/987/history").then().statusCode(404);
        given().contentType(ContentType.JSON).header(ACTOR, "dana").body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/987/confirmations").then().statusCode(404);
    }

    @Test
    void readsBackConfirmsAndKeepsWhoWhenAndWhy() {
        long id = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);

        given().contentType(ContentType.JSON).header(ACTOR, "erin.engineer").body("{\"comment\":\"as discussed\"}")
                .when().post("/api/requirements/{id}/proposals", id)
                .then().statusCode(200)
                .body("state", equalTo("PROPOSED"))
                .body("readBack", equalTo("Marketing needs product sales by region, per day in America/New_York, no "
                        + "older than 60 seconds, 99% of minutes over 28 days, to retarget ad campaigns. Measured on "
                        + "serving query '/api/metrics/sales?groupBy=region'."))
                .body("allowedActions", equalTo(List.of("CONFIRM", "REQUEST_CHANGES")));
        given().contentType(ContentType.JSON).header(ACTOR, "dana").body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/{id}/confirmations", id)
                .then().statusCode(200)
                .body("state", equalTo("CONFIRMED"))
                .body("inForceVersion", equalTo(1));

        given().when().get("/api/requirements/{id}/history", id)
                .then().statusCode(200)
                .body("action", equalTo(List.of("CREATE", "PROPOSE", "CONFIRM")))
                .body("to", equalTo(List.of("DRAFT", "PROPOSED", "CONFIRMED")))
                .body("by", equalTo(List.of("erin.engineer", "erin.engineer", "dana")))
                .body("comment[1]", equalTo("as discussed"))
                .body("at[2]", startsWith("20"));
    }

    @Test
    void aChangeRequestNeedsACommentAndSendsTheRequirementBackToItsAuthor() {
        long id = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);
        given().contentType(ContentType.JSON).header(ACTOR, "erin").body("{}")
                .when().post("/api/requirements/{id}/proposals", id).then().statusCode(200);

        given().contentType(ContentType.JSON).header(ACTOR, "dana").body("{\"decision\":\"REQUEST_CHANGES\"}")
                .when().post("/api/requirements/{id}/confirmations", id)
                .then().statusCode(400)
                .body("problems", equalTo(List.of("$.comment: say which changes are needed")));
        given().contentType(ContentType.JSON).body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/{id}/confirmations", id)
                .then().statusCode(400)
                .body("problems[0]", startsWith("header 'Tributary-Actor'"));
        given().contentType(ContentType.JSON).header(ACTOR, "dana")
                .body("{\"decision\":\"REQUEST_CHANGES\",\"comment\":\"30 seconds, not 60\"}")
                .when().post("/api/requirements/{id}/confirmations", id)
                .then().statusCode(200)
                .body("state", equalTo("CHANGES_REQUESTED"));

        given().contentType(ContentType.JSON).header(ACTOR, "erin")
                .body(RequirementsData.freshnessBody(goal, marketing, SERVING, 30))
                .when().put("/api/requirements/{id}", id)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("state", equalTo("DRAFT"))
                .body("objective.maximum", equalTo(30));
    }

    @Test
    void aTransitionThatIsNotAllowedAnswers409NamingTheAllowedOnes() {
        long id = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);

        given().contentType(ContentType.JSON).header(ACTOR, "dana").body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/{id}/confirmations", id)
                .then().statusCode(409)
                .body("detail", equalTo("requirement " + id + " version 1 is DRAFT: CONFIRM is not allowed now"))
                .body("problems", equalTo(List.of("allowed: [PROPOSE, EDIT]")));
        given().contentType(ContentType.JSON).header(ACTOR, "erin").body("{}")
                .when().post("/api/requirements/{id}/proposals", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(RequirementsData.freshnessBody(goal, marketing, SERVING, 30))
                .when().put("/api/requirements/{id}", id)
                .then().statusCode(409)
                .body("problems", equalTo(List.of("allowed: [CONFIRM, REQUEST_CHANGES]")));
    }

    @Test
    void editingAConfirmedRequirementMakesANewVersionWhichSupersedesItOnceConfirmed() {
        long id = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);
        RequirementsData.confirm(id);

        given().contentType(ContentType.JSON).header(ACTOR, "erin")
                .body(RequirementsData.freshnessBody(goal, marketing, SERVING, 30))
                .when().put("/api/requirements/{id}", id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("state", equalTo("DRAFT"))
                .body("inForceVersion", equalTo(1));
        RequirementsData.confirm(id);

        given().when().get("/api/requirements/{id}/versions", id)
                .then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("state", equalTo(List.of("SUPERSEDED", "CONFIRMED")))
                .body("readBack[1]", containsString("no older than 30 seconds"));
        given().when().get("/api/requirements/{id}", id)
                .then().body("inForceVersion", equalTo(2));
    }

    @Test
    void filtersTheListByStateAndNamesABadFilter() {
        long draft = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);
        long confirmed = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 30);
        RequirementsData.confirm(confirmed);

        given().queryParam("state", "confirmed").when().get("/api/requirements")
                .then().statusCode(200).body("id", equalTo(List.of((int) confirmed)));
        given().queryParam("goal", goal).when().get("/api/requirements")
                .then().statusCode(200).body("id", equalTo(List.of((int) draft, (int) confirmed)));
        given().queryParam("state", "DONE").queryParam("goal", "x").when().get("/api/requirements")
                .then().statusCode(400)
                .body("problems", hasSize(2));
    }

    @Test
    void rendersTheReadBackAsPlainText() {
        long id = RequirementsData.freshnessRequirement(goal, marketing, SERVING, 60);
        given().when().get("/api/requirements/{id}/read-back", id)
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(startsWith("Marketing needs product sales by region"));
    }
}
