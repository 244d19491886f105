package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import io.restassured.http.ContentType;

/**
 * Empties the requirements' tables between tests (ids go on rising, so that no test sees another's objective under
 * its id), and creates goals, stakeholders and requirements through the API. */
final class RequirementsData {

    static final String ACTOR = "Tributary-Actor";

    private RequirementsData() {
    }

    static void empty(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate catalog.alert_delivery, catalog.alert, catalog.slo_status, catalog.slo_slice, "
                    + "catalog.slo_evaluation, catalog.requirement_clause, catalog.requirement_transition, "
                    + "catalog.requirement_version, catalog.requirement, catalog.stakeholder_answer, "
                    + "catalog.stakeholder, catalog.goal, catalog.observed_change cascade");
        }
    }

    static long goal() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("title", "Grow revenue from targeted campaigns", "description", "Campaigns follow sales",
                        "successMeasure", "revenue from campaigns +10% in a quarter", "owner", "Head of marketing"))
                .when().post("/api/goals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long marketing(String webhook) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"Dana Reyes\",\"job\":\"marketing\",\"team\":\"Marketing\",\"direction\":"
                        + "\"DOWNSTREAM\",\"contact\":{\"email\":\"dana@shop.test\""
                        + (webhook == null ? "" : ",\"webhook\":\"" + webhook + "\"") + "},\"assets\":[{\"type\":"
                        + "\"SERVING\",\"name\":\"/api/metrics/sales?groupBy=region\",\"relation\":\"CONSUMES\"}]}")
                .when().post("/api/stakeholders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long freshnessRequirement(long goal, long stakeholder, String target, int seconds) {
        return given().contentType(ContentType.JSON).header(ACTOR, "erin.engineer")
                .body(freshnessBody(goal, stakeholder, target, seconds))
                .when().post("/api/requirements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String freshnessBody(long goal, long stakeholder, String target, int seconds) {
        return "{\"level\":\"STAKEHOLDER\",\"kind\":\"NON_FUNCTIONAL\",\"goalId\":" + goal + ",\"stakeholderIds\":["
                + stakeholder + "],\"statement\":\"product sales by region, per day in America/New_York\","
                + "\"actions\":[\"retarget ad campaigns\"],\"target\":" + target + ",\"elements\":[\"sales.region\"],"
                + "\"objective\":{\"kind\":\"freshness\",\"maximum\":" + seconds + ",\"unit\":\"s\"}}";
    }

    static void confirm(long id) {
        given().contentType(ContentType.JSON).header(ACTOR, "erin.engineer").body("{}")
                .when().post("/api/requirements/{id}/proposals", id).then().statusCode(200);
        given().contentType(ContentType.JSON).header(ACTOR, "dana").body("{\"decision\":\"CONFIRM\"}")
                .when().post("/api/requirements/{id}/confirmations", id).then().statusCode(200);
    }
}
