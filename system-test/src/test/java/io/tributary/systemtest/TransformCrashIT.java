package io.tributary.systemtest;

import static io.restassured.RestAssured.given;
import static io.tributary.systemtest.RunningSuite.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;
import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.TributaryService;

/**
 * Exactly-once effect of the transform service: the packaged service is killed (SIGKILL) twice while it applies a
 * stream of records or builds them as a backlog (decision 0062: whichever it is doing), and one file is ingested a
 * second time; the final tables equal the totals computed from the
 * input by the generator, and the incrementally kept features equal the ones computed again from the curated rows.
 */
class TransformCrashIT {

    private static final Duration POLL = Duration.ofMillis(50);

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() throws IOException {
        suite = RunningSuite.start("transform-crash");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyRecordChangesTheTablesExactlyOnceThroughKillsAndRepeatedData(@TempDir Path dumps) throws Exception {
        suite.registerSource("crashy", "UTC");
        GeneratedDumps expected = new SalesDumpGenerator(GeneratorOptions.defaults()
                .withSeed(11)
                .withRows(60_000)
                .withDays(6)
                .withStartDate(LocalDate.of(2023, 6, 1))
                .withAnomalyRate(0.01)
                .withDuplicateRate(0.01)
                .withoutSchemaChange()).writeCsv(dumps);
        List<String> batches = new ArrayList<>();
        for (DumpFile file : expected.files()) {
            batches.add(suite.upload("crashy", file.path(), false));
        }
        for (int kill = 1; kill <= 2; kill++) {
            long before = suite.curatedRows();
            // records applied one by one, or the records waiting handed to a build of the tables (decision 0062)
            Work at = await("transform applies or builds more records").atMost(RunningSuite.LIMIT)
                    .pollInterval(POLL).until(TransformCrashIT::work, work -> work.building() || work.rows() > before);
            assertTrue(at.building() || at.rows() < expected.expectedAccepted(), "kill " + kill + " came after the "
                    + "last record (" + at + "); the stream must be longer for this test to mean anything");
            suite.suite.kill(TributaryService.TRANSFORM);
            suite.suite.restart(TributaryService.TRANSFORM);
        }
        DumpFile again = expected.files().get(0);
        batches.add(suite.upload("crashy", again.path(), true));
        long published = 0;
        for (String id : batches) {
            published += count(suite.awaitCompleted(id), "accepted");
        }
        long total = published;
        JsonPath pipeline = await("the pipeline has received every published record").atMost(RunningSuite.LIMIT)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> given().when().get(suite.suite.transformUrl() + "/api/pipelines/sales").then()
                        .statusCode(200).extract().jsonPath(),
                        p -> count(p, "counts.received") == total
                                && count(p, "lagRecords") == 0);

        assertEquals(expected.expectedAccepted(), suite.curatedRows(),
                () -> "one curated row per accepted order line: " + pipeline.prettify());
        assertEquals(again.accepted(), count(pipeline, "counts.duplicates"), "the file sent twice is counted once");
        assertEquals(count(pipeline, "counts.received"), count(pipeline, "counts.curated")
                + count(pipeline, "counts.corrected") + count(pipeline, "counts.duplicates")
                + count(pipeline, "counts.filtered") + count(pipeline, "counts.failed")
                + count(pipeline, "counts.superseded"), "counts add up");
        assertEquals(RunningSuite.normalised(expected.salesByRegion()),
                suite.salesByRegion("2023-01-01", "2023-12-31"), "sales by region");
        assertEquals(0L, suite.number("select count(*) from (select product, other_product, orders from "
                + "curated.sales_co_purchases except select a.product_id, b.product_id, count(distinct a.order_id) "
                + "from curated.sales a join curated.sales b on a.order_id = b.order_id and a.product_id <> "
                + "b.product_id where a._status = 'curated' and b._status = 'curated' group by 1, 2) d"),
                "co-purchase counts kept incrementally equal those computed again");
        assertEquals(suite.number("select count(distinct (customer_id, product_id)) from curated.sales where _status = "
                + "'curated'"), suite.number("select count(*) from curated.sales_customer_products"),
                "one purchase history per customer and product");
    }

    /** What the transform is doing: the curated rows so far, and whether a build of a backlog is under way. */
    private record Work(long rows, boolean building) {
    }

    private static Work work() throws SQLException {
        return new Work(suite.curatedRows(), suite.number("select count(*) from catalog.pipeline_backfill where "
                + "source = 'BACKLOG' and status = 'RUNNING'") > 0);
    }
}
