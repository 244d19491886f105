package io.tributary.local;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The retail company's case in the requirements service: the goal of growing revenue from targeted campaigns, its
 * stakeholders (marketing and the data scientist downstream, the web-shop team upstream) with their answers to the
 * checklist, and four requirements read back and confirmed: sales by region no older than 60 s, purchase data for the
 * recommender within seconds, the daily dump by 06:00 New York time, and an error rate under 5%. Confirming writes
 * each into the sales contract. Loaded once: a run that finds the goal leaves everything as it is.
 */
public final class DemoRequirements {

    static final String GOAL = "Grow revenue from targeted campaigns";

    private final String url;
    private final Http http;
    private final Consumer<String> out;

    DemoRequirements(String requirementsUrl, Http http, Consumer<String> out) {
        this.url = requirementsUrl;
        this.http = http;
        this.out = out;
    }

    /**
     * Loads the retail case into the requirements service at {@code requirementsUrl}, unless it is there, signed in
     * as {@code session} (a steward's work, which the admin may do; each step names its actor as well).
     */
    public static void load(String requirementsUrl, Session session, Consumer<String> out) {
        new DemoRequirements(requirementsUrl, new Http(java.time.Duration.ofMinutes(2), session::authorization), out)
                .load();
    }

    void load() {
        Http.Response goals = http.get(url + "/api/goals");
        for (JsonNode goal : goals.json()) {
            if (GOAL.equals(goal.path("title").asText())) {
                out.accept("Requirements of the retail case were loaded by an earlier run (goal " + goal.path("id")
                        + ")");
                return;
            }
        }
        long goal = id(post("/api/goals", """
                {"title": "%s", "description": "Spend the ad budget where sales respond, region by region, day by day",
                 "successMeasure": "Revenue from campaigns up 10%% in a quarter", "owner": "Head of marketing"}"""
                .formatted(GOAL), "demo"));
        long marketing = id(post("/api/stakeholders", """
                {"name": "Dana Reyes", "job": "marketing", "team": "Marketing", "direction": "DOWNSTREAM",
                 "contact": {"email": "dana@retail.test"},
                 "assets": [{"type": "SERVING", "name": "/api/metrics/sales?groupBy=region", "relation": "CONSUMES"}]}""",
                "demo"));
        long scientist = id(post("/api/stakeholders", """
                {"name": "Priya Natarajan", "job": "data scientist", "team": "Data science", "direction": "DOWNSTREAM",
                 "contact": {"email": "priya@retail.test"},
                 "assets": [{"type": "PIPELINE", "name": "sales", "relation": "CONSUMES"}]}""", "demo"));
        long webshop = id(post("/api/stakeholders", """
                {"name": "Sam Okafor", "job": "software engineer", "team": "Web shop", "direction": "UPSTREAM",
                 "contact": {"email": "sam@retail.test"},
                 "assets": [{"type": "SOURCE", "name": "webshop", "relation": "PRODUCES"}]}""", "demo"));
        answer(marketing, "ACTIONS", "Move ad spend to the regions whose sales respond, several times a day");
        answer(marketing, "ACCEPTABLE_LATENCY", "A minute at most: campaigns are adjusted within the hour");
        answer(marketing, "DEFINITIONS", "Days in New York time, from midnight; amounts in USD");
        answer(scientist, "ACTIONS", "Recommend products from what the customer just bought");
        answer(scientist, "ACCEPTABLE_LATENCY", "Seconds: a purchase must count for the next page view");
        answer(webshop, "VOLUME", "About 2,000 order lines a day, peaks of 10 a second in sales");
        answer(webshop, "FREQUENCY", "A daily CSV dump after midnight, and events as orders happen");
        answer(webshop, "FORMAT", "CSV dumps as the superstore export; events as JSON");
        answer(webshop, "DISRUPTIONS", "Deploys twice a week; columns are added without notice");
        confirm(requirement(goal, marketing, "product sales by region, per day in America/New_York",
                "retarget ad campaigns", "{\"type\": \"SERVING\", \"name\": \"/api/metrics/sales?groupBy=region\"}",
                "{\"kind\": \"freshness\", \"maximum\": 60, \"unit\": \"s\"}", "sales.region"), "dana@retail.test");
        confirm(requirement(goal, scientist, "purchase data for the recommender", "recommend products",
                "{\"type\": \"PIPELINE\", \"name\": \"sales\"}",
                "{\"kind\": \"latency\", \"maximum\": 5, \"unit\": \"s\", \"percentile\": 99, \"over\": \"PT5M\"}",
                "sales.customer_id"), "priya@retail.test");
        confirm(requirement(goal, webshop, "the daily dump of the web shop", "reconcile yesterday's sales",
                "{\"type\": \"SOURCE\", \"name\": \"webshop\"}",
                "{\"kind\": \"timeOfAvailability\", \"by\": \"06:00\", \"timeZone\": \"America/New_York\"}",
                "sales.order_date"), "dana@retail.test");
        confirm(requirement(goal, marketing, "order lines that pass the contract", "trust the dashboards",
                "{\"type\": \"DATASET\", \"name\": \"sales\"}",
                "{\"kind\": \"errorRate\", \"maximum\": 0.05, \"over\": \"PT1H\"}", "sales.row_id"), "dana@retail.test");
        out.accept("Requirements of the retail case loaded: " + url + "/api/goals/" + goal
                + "/document reads them back; " + url + "/api/slos shows them live");
    }

    private long requirement(long goal, long stakeholder, String statement, String action, String target,
            String objective, String element) {
        return id(post("/api/requirements", """
                {"level": "STAKEHOLDER", "kind": "NON_FUNCTIONAL", "goalId": %d, "stakeholderIds": [%d],
                 "statement": "%s", "actions": ["%s"], "target": %s, "elements": ["%s"], "objective": %s,
                 "slo": {"target": 0.99, "window": {"type": "ROLLING", "length": "P28D"}, "slice": "PT1M"}}"""
                .formatted(goal, stakeholder, statement, action, target, element, objective), "erin.engineer"));
    }

    private void confirm(long id, String stakeholder) {
        post("/api/requirements/" + id + "/proposals", "{}", "erin.engineer");
        post("/api/requirements/" + id + "/confirmations", "{\"decision\": \"CONFIRM\"}", stakeholder);
    }

    private void answer(long stakeholder, String question, String answer) {
        Http.Response response = http.put(url + "/api/stakeholders/" + stakeholder + "/answers/" + question,
                "application/json", "{\"answer\": \"" + answer + "\"}");
        if (response.status() != 200) {
            throw response.unexpected();
        }
    }

    private JsonNode post(String path, String body, String actor) {
        Http.Response response = http.postAs(url + path, body, actor);
        if (response.status() != 200 && response.status() != 201) {
            throw response.unexpected();
        }
        return response.json();
    }

    private static long id(JsonNode node) {
        return node.path("id").asLong();
    }
}
