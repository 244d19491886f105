package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
class DatasetRowsResourceTest {

    private static final String PATH = "/api/datasets/{pipeline}/rows";

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    /**
     * A pipeline {@code shelf} whose curated table holds ten curated rows k02, k04 ... k20 and a filtered one, with a
     * column of each type a pipeline writes.
     */
    @BeforeEach
    void shelf() throws SQLException {
        execute("create schema if not exists curated", "drop table if exists curated.shelf",
                "create table curated.shelf (_key text primary key, _status text not null, "
                        + "_accepted_at timestamptz not null, product text, units bigint, price numeric, "
                        + "in_stock boolean, sold_on date, sold_at timestamptz)",
                "insert into curated.shelf select 'k' || lpad((2 * i)::text, 2, '0'), 'curated', now(), "
                        + "'product ' || i, i, (i || '.50')::numeric, i % 2 = 0, date '2024-03-01' + i, "
                        + "timestamptz '2024-03-01 10:00:00+00' + i * interval '1 hour' from generate_series(1, 10) i",
                "insert into curated.shelf values ('k05', 'filtered', now(), 'dropped', 0, 0, false, null, null)",
                "insert into catalog.dataset (name) values ('shelf') on conflict do nothing",
                "delete from catalog.pipeline_version where name = 'shelf'",
                "insert into catalog.pipeline_version (name, version, dataset, kind, document, media_type) "
                        + "values ('shelf', 1, 'shelf', 'FACT', '{}', 'application/json')");
    }

    @Test
    void givesTheCuratedRowsWithTheirTypesInKeyOrder() {
        given().queryParam("limit", "3")
                .when().get(PATH, "shelf")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("pipeline", equalTo("shelf"))
                .body("limit", equalTo(3))
                .body("columns", equalTo(List.of("product", "units", "price", "in_stock", "sold_on", "sold_at")))
                .body("rows.product", equalTo(List.of("product 1", "product 2", "product 3")))
                .body("rows[0].units", equalTo(1))
                .body("rows[0].price", equalTo(1.5f))
                .body("rows[0].in_stock", equalTo(false))
                .body("rows[0].sold_on", equalTo("2024-03-02"))
                .body("rows[0].sold_at", equalTo("2024-03-01T11:00:00+00:00"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeatWhileRowsAreAdded() throws SQLException {
        List<String> products = new ArrayList<>();
        Response first = given().queryParam("limit", "4").when().get(PATH, "shelf");
        first.then().statusCode(200);
        String cursor = first.jsonPath().getString("next");
        assertNotNull(cursor);
        assertTrue(first.header("Link").contains("rel=\"next\""), first.header("Link"));
        assertTrue(first.header("Link").contains("cursor=" + cursor), first.header("Link"));
        products.addAll(first.jsonPath().getList("rows.product"));

        // rows added before the cursor are not seen; those after it come in their place
        execute("insert into curated.shelf (_key, _status, _accepted_at, product) values "
                + "('k01', 'curated', now(), 'added before'), ('k09', 'curated', now(), 'added after')");
        int pages = 1;
        while (cursor != null) {
            JsonPath page = given().queryParam("limit", "4").queryParam("cursor", cursor)
                    .when().get(PATH, "shelf").then().statusCode(200).extract().jsonPath();
            products.addAll(page.getList("rows.product"));
            cursor = page.getString("next");
            pages++;
        }
        assertEquals(List.of("product 1", "product 2", "product 3", "product 4", "added after", "product 5",
                "product 6", "product 7", "product 8", "product 9", "product 10"), products);
        assertEquals(3, pages);
    }

    @Test
    void theLastPageHasNoNext() {
        Response all = given().queryParam("limit", "10").when().get(PATH, "shelf");
        all.then().statusCode(200).body("rows.product", hasItem("product 10"));
        // ten rows exactly fill the page; the next one is empty and says it is the last
        String cursor = all.jsonPath().getString("next");
        assertNotNull(cursor);
        Response last = given().queryParam("cursor", cursor).when().get(PATH, "shelf");
        last.then().statusCode(200).body("rows", equalTo(List.of())).body("next", nullValue());
        assertNull(last.header("Link"));
        given().queryParam("limit", "11").when().get(PATH, "shelf").then().statusCode(200)
                .body("next", nullValue());
    }

    @Test
    void refusesABadCursorOrLimitNamingEach() {
        Problem problem = given().queryParam("cursor", "not-a-cursor").queryParam("limit", "0")
                .when().get(PATH, "shelf")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .extract().as(Problem.class);
        assertEquals(2, problem.problems().size(), problem.problems().toString());
        assertTrue(problem.problems().get(0).startsWith("query parameter 'cursor'"), problem.problems().toString());
        assertTrue(problem.problems().get(1).startsWith("query parameter 'limit': '0'"),
                problem.problems().toString());
        for (String limit : List.of("ten", "-1", "100001", "99999999999")) {
            given().queryParam("limit", limit).when().get(PATH, "shelf").then().statusCode(400)
                    .body("problems[0]", containsString("query parameter 'limit'"));
        }
    }

    @Test
    void answers404ForAPipelineWithoutCuratedRows() {
        given().when().get(PATH, "nothing_here").then().statusCode(404)
                .body("problems[0]", containsString("path parameter 'pipeline'"));
        given().when().get(PATH, "Not-A-Name").then().statusCode(400)
                .body("problems[0]", containsString("path parameter 'pipeline'"));
    }

    @Test
    void streamsAPageFromAnOpenCursor() throws Exception {
        // 30,000 rows of a kilobyte: far more than the network's buffers hold
        execute("insert into curated.shelf (_key, _status, _accepted_at, product) select 'w' || lpad(i::text, 6, "
                + "'0'), 'curated', now(), repeat('x', 1000) from generate_series(1, 30000) i");
        URI uri = URI.create(base.resolve("api/datasets/shelf/rows") + "?limit=40000");
        long lines = new StreamedExport(dataSource).readWhileOpen(uri, TestTokens.token(Roles.ANALYST),
                "from \"curated\".\"shelf\" where _status = 'curated'");
        // a line per row, and the closing one
        assertEquals(30011, lines);
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
