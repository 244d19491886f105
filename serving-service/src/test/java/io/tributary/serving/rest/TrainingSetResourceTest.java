package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class TrainingSetResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ANALYST);
    }

    /**
     * The curated order lines of a pipeline named {@code basket}, as the transform writes them: c1 orders a chair (2)
     * and a desk (1) in A on March 1st, a chair (1) in B on the 5th, a lamp in D on the 9th; c2 orders 4 chairs in C,
     * also on the 5th. A filtered row of c1 on the 3rd is not a curated line.
     */
    @BeforeEach
    void orderLines() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists curated");
            s.execute("drop table if exists curated.basket");
            s.execute("create table curated.basket (_key text primary key, _status text not null, "
                    + "_accepted_at timestamptz not null, customer_id text, order_id text, product_id text, "
                    + "qty integer, order_date date)");
            s.execute("insert into curated.basket values "
                    + "('A-1', 'curated', now(), 'c1', 'A', 'chair', 2, '2024-03-01'), "
                    + "('A-2', 'curated', now(), 'c1', 'A', 'desk', 1, '2024-03-01'), "
                    + "('X-1', 'filtered', now(), 'c1', 'X', 'chair', 9, '2024-03-03'), "
                    + "('B-1', 'curated', now(), 'c1', 'B', 'chair', 1, '2024-03-05'), "
                    + "('C-1', 'curated', now(), 'c2', 'C', 'chair', 4, '2024-03-05'), "
                    + "('D-1', 'curated', now(), 'c1', 'D', 'lamp', 1, '2024-03-09')");
            s.execute("insert into catalog.dataset (name) values ('basket') on conflict do nothing");
            s.execute("delete from catalog.pipeline_version where name = 'basket'");
            s.execute("insert into catalog.pipeline_version (name, version, dataset, kind, document, media_type) "
                    + "values ('basket', 1, 'basket', 'FACT', 'name: basket\ndataset: basket\neventTime: order_date\n"
                    + "features:\n  customer: customer_id\n  order: order_id\n  product: product_id\n  quantity: qty\n', "
                    + "'application/yaml')");
        }
    }

    @Test
    void eachLineSeesOnlyOrdersPlacedStrictlyBeforeItsOwn() throws Exception {
        List<JsonNode> rows = ndjson(given().queryParam("from", "2024-03-01").queryParam("to", "2024-03-09")
                .when().get("/api/features/basket/training-set").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString());
        assertEquals(List.of("A-1", "A-2", "B-1", "C-1"), rows.stream().map(r -> r.get("line").asText()).toList());
        // The two lines of order A do not see each other: nothing came before them.
        for (JsonNode line : rows.subList(0, 2)) {
            assertEquals("2024-03-01", line.get("order_time").asText());
            assertEquals(0, line.get("customer_orders_before").asLong());
            assertEquals(0, line.get("customer_lines_before").asLong());
            assertEquals(0, line.get("product_lines_before").asLong());
            assertEquals(true, line.get("customer_last_order_before").isNull());
        }
        // B (c1, March 5th) sees order A only: not C placed at the same instant, not D placed later.
        JsonNode b = rows.get(2);
        assertEquals(1, b.get("customer_orders_before").asLong());
        assertEquals(2, b.get("customer_lines_before").asLong());
        assertEquals(3, b.get("customer_units_before").asLong());
        assertEquals("2024-03-01", b.get("customer_last_order_before").asText());
        assertEquals(1, b.get("customer_product_lines_before").asLong());
        assertEquals(1, b.get("product_orders_before").asLong());
        assertEquals(1, b.get("product_lines_before").asLong());
        assertEquals(2, b.get("product_units_before").asLong());
        // C (c2) has no history of its own; its chair saw A's, not B's at the same instant.
        JsonNode cRow = rows.get(3);
        assertEquals(0, cRow.get("customer_orders_before").asLong());
        assertEquals(1, cRow.get("product_orders_before").asLong());
        assertEquals(2, cRow.get("product_units_before").asLong());
        assertEquals(4, cRow.get("units").asLong());
    }

    @Test
    void rowsFromALaterPeriodStillCountTheHistoryBeforeIt() throws Exception {
        List<JsonNode> rows = ndjson(given().queryParam("from", "2024-03-05T00:00:00Z").when()
                .get("/api/features/basket/training-set").then().statusCode(200).extract().asString());
        assertEquals(List.of("B-1", "C-1", "D-1"), rows.stream().map(r -> r.get("line").asText()).toList());
        JsonNode d = rows.get(2);
        assertEquals(2, d.get("customer_orders_before").asLong());
        assertEquals(3, d.get("customer_lines_before").asLong());
        assertEquals("2024-03-05", d.get("customer_last_order_before").asText());
        assertEquals(0, d.get("product_lines_before").asLong());
    }

    @Test
    void writesCsvWithAHeaderWhenAskedByAcceptOrFormat() {
        String byAccept = given().accept("text/csv").queryParam("to", "2024-03-02").when()
                .get("/api/features/basket/training-set").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String byFormat = given().queryParam("format", "csv").queryParam("to", "2024-03-02").when()
                .get("/api/features/basket/training-set").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(byAccept, byFormat);
        assertEquals(List.of("line,order_time,order,customer,product,units,customer_orders_before,"
                + "customer_lines_before,customer_units_before,customer_last_order_before,"
                + "customer_product_lines_before,product_orders_before,product_lines_before,product_units_before",
                "A-1,2024-03-01,A,c1,chair,2,0,0,0,,0,0,0,0",
                "A-2,2024-03-01,A,c1,desk,1,0,0,0,,0,0,0,0"), byAccept.lines().toList());
    }

    @Test
    void namesTheBadParameterAndRefusesAPipelineWithoutOrderLines() {
        given().queryParam("from", "yesterday").queryParam("format", "xml").when()
                .get("/api/features/basket/training-set").then().statusCode(400)
                .body("problems", hasItems(containsString("query parameter 'from': 'yesterday'"),
                        containsString("query parameter 'format': 'xml'")));
        given().queryParam("from", "2024-03-05").queryParam("to", "2024-03-01").when()
                .get("/api/features/basket/training-set").then().statusCode(400)
                .body("problems[0]", containsString("query parameter 'to'"));
        given().when().get("/api/features/nothing/training-set").then().statusCode(404)
                .body("detail", containsString("keeps no order lines"));
    }

    private static List<JsonNode> ndjson(String body) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.lines().toList()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }
}
