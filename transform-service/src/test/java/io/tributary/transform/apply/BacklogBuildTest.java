package io.tributary.transform.apply;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;
import io.tributary.transform.SmallBacklogs;
import io.tributary.transform.backfill.BackfillService;

/**
 * The backlog path against the per-record path, through the real topic and catalog: the same records, once applied one
 * by one by a pipeline declared before they came, once built by a first version declared after them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
@TestProfile(SmallBacklogs.class)
class BacklogBuildTest {

    private static final String CONTRACT = """
            - {name: id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
            - {name: order_id, logicalType: string}
            - {name: customer, logicalType: string}
            - {name: product, logicalType: string}
            - {name: region, logicalType: string}
            - {name: placed_at, logicalType: string}
            - {name: amount, logicalType: number}
            - {name: quantity, logicalType: integer}
            """;

    private static final String PIPELINE = """
            name: %1$s
            dataset: %1$s
            key: [id]
            eventTime: placed_at
            lateness: P1D
            steps:
              - timezone: {field: placed_at}
              - normalise: {fields: [region]}
              - filter: "amount > 0"
              - derive: {net: "amount * quantity"}
            aggregate: {dimensions: [region], measures: [amount, net]}
            features: {customer: customer, order: order_id, product: product, quantity: quantity}
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BackfillService backfills;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @Test
    void buildsAFirstVersionOverItsBacklogAsThePerRecordPathAppliesItRowForRowAndCountForCount()
            throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        long suffix = System.nanoTime() % 1_000_000L;
        CatalogFixtures.Dataset live = catalog.dataset("live_" + suffix, "Europe/Paris", CONTRACT);
        CatalogFixtures.Dataset built = catalog.dataset("backlog_" + suffix, "Europe/Paris", CONTRACT);
        CatalogFixtures.declare(PIPELINE.formatted(live.name()));

        List<List<Object>> records = records();
        CatalogFixtures.publish(bootstrap, events(live, records));
        CatalogFixtures.publish(bootstrap, events(built, records));
        await().atMost(Duration.ofSeconds(60)).until(() -> received(catalog, live.name()) == records.size() + 1);

        CatalogFixtures.declare(PIPELINE.formatted(built.name()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(catalog.single(
                "select status from catalog.pipeline_backfill where pipeline = '" + built.name() + "'")));

        assertEquals("BACKLOG", catalog.single("select source from catalog.pipeline_backfill where pipeline = '"
                + built.name() + "'"));
        assertSameTablesCountsAndQuarantine(catalog, live.name(), built.name());
        Map<String, Object> counts = counts(catalog, built.name()).get(0);
        assertEquals(List.of(36L, 1L, 2L, 1L, 1L, 1L), List.of(counts.get("curated"), counts.get("corrected"),
                counts.get("duplicates"), counts.get("filtered"), counts.get("failed"), counts.get("late")));
        assertEquals(1L, ((Number) catalog.single("select count(*) from catalog.quarantined_record where stage = "
                + "'pipeline:" + built.name() + "'")).longValue());
        // the swapped tables are the served ones: their indexes and the analysts' view follow them
        assertTrue(((Number) catalog.single("select count(*) from pg_indexes where schemaname = 'curated' and "
                + "tablename = '" + built.name() + "' and indexname = '" + built.name() + "_pkey'")).longValue() == 1);
        assertEquals(0L, ((Number) catalog.single("select count(*) from pg_tables where schemaname = 'curated' and "
                + "tablename like '\\_" + built.name() + "%'")).longValue());
        assertEquals(((Number) catalog.single("select count(*) from curated." + built.name())).longValue(),
                ((Number) catalog.single("select count(*) from analytics." + built.name())).longValue());

        // a record after the build is applied by the live consumer to the swapped tables
        CatalogFixtures.publish(bootstrap, event(built, List.of("late-comer", "o9", "c9", "p1", "East",
                "2024-03-05T10:00:00", new BigDecimal("3"), 1)));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> received(catalog, built.name()) == records.size() + 2);
        } catch (RuntimeException e) {
            System.out.println("DEBUG offsets " + catalog.query("select * from catalog.consumer_offset"));
            System.out.println("DEBUG state " + catalog.query("select * from catalog.pipeline_state"));
            System.out.println("DEBUG rows "
                    + catalog.query("select _key, _offset from curated." + built.name() + " order by _offset desc limit 3"));
            throw e;
        }
        assertEquals(1L, ((Number) catalog.single("select count(*) from curated." + built.name()
                + " where id = 'late-comer' and _status = 'curated'")).longValue());
        assertEquals(catalog.single("select count(*) from curated." + built.name() + " where _status = 'curated'"),
                ((Number) catalog.single("select sum(_lines) from curated." + built.name() + "_agg")).longValue());
    }

    @Test
    void buildsARunningPipelineAgainFromItsTopicWhenAFileArrivesCountingOnlyWhatItHadNotApplied()
            throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        long suffix = System.nanoTime() % 1_000_000L;
        CatalogFixtures.Dataset reference = catalog.dataset("first_" + suffix, "Europe/Paris", CONTRACT);
        CatalogFixtures.Dataset running = catalog.dataset("running_" + suffix, "Europe/Paris", CONTRACT);
        // the file: the other 21 keys, 300 more, then the repeats, the correction, the filtered and the late one, so
        // that these come after the offsets the running pipeline had applied
        List<List<Object>> records = records();
        List<List<Object>> more = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            more.add(List.of("f" + i, "o" + (i % 40), "c" + (i % 9), "p" + (i % 6), i % 3 == 0 ? "North" : "South",
                    String.format("2024-03-02T%02d:15:00", i % 24), new BigDecimal(i % 50 + ".5"),
                    1 + i % 4));
        }
        records.addAll(35, more);
        // before the file: 14 records and a failing one, applied one by one (fewer than the 100 worth a build)
        RecordEvent[] all = events(reference, records);
        RecordEvent[] runningEvents = events(running, records);
        RecordEvent[] before = new RecordEvent[15];
        System.arraycopy(runningEvents, 0, before, 0, 14);
        before[14] = running.record("bad0", "id", "bad0", "order_id", "o3", "amount", "none", "placed_at",
                "2024-03-02T11:00:00", "quantity", 1);
        RecordEvent[] file = Arrays.copyOfRange(runningEvents, 14, runningEvents.length);
        RecordEvent[] referenceEvents = new RecordEvent[all.length + 1];
        System.arraycopy(all, 0, referenceEvents, 0, 14);
        referenceEvents[14] = reference.record("bad0", "id", "bad0", "order_id", "o3", "amount", "none", "placed_at",
                "2024-03-02T11:00:00", "quantity", 1);
        System.arraycopy(all, 14, referenceEvents, 15, all.length - 14);

        CatalogFixtures.declare(PIPELINE.formatted(running.name()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(catalog.single(
                "select status from catalog.pipeline_backfill where pipeline = '" + running.name() + "'")));
        CatalogFixtures.publish(bootstrap, before);
        await().atMost(Duration.ofSeconds(60)).until(() -> received(catalog, running.name()) == 15);
        // asked by the live consumer, outside any transaction, before it holds a growing topic's records
        assertTrue(backfills.mayTakeBacklog(running.name(), 200));
        assertFalse(backfills.mayTakeBacklog(running.name(), 50), "fewer than worth a build");
        CatalogFixtures.publishTogether(bootstrap, file);
        await().atMost(Duration.ofSeconds(90)).until(() -> received(catalog, running.name()) == referenceEvents.length
                && "COMPLETED".equals(catalog.single("select status from catalog.pipeline_backfill where pipeline = '"
                        + running.name() + "' and source = 'BACKLOG'")));

        // the reference: the same records built by a first version, which builds as the per-record path applies
        CatalogFixtures.publish(bootstrap, referenceEvents);
        CatalogFixtures.declare(PIPELINE.formatted(reference.name()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(catalog.single(
                "select status from catalog.pipeline_backfill where pipeline = '" + reference.name() + "'")));

        assertTrue(catalog.single("select counted_from from catalog.pipeline_backfill where pipeline = '"
                + running.name() + "' and source = 'BACKLOG' and built_at is not null") != null);
        assertSameTablesCountsAndQuarantine(catalog, reference.name(), running.name());
        Map<String, Object> counts = counts(catalog, running.name()).get(0);
        assertEquals(List.of(336L, 1L, 2L, 1L, 2L, 1L), List.of(counts.get("curated"), counts.get("corrected"),
                counts.get("duplicates"), counts.get("filtered"), counts.get("failed"), counts.get("late")));
        assertEquals(2L, ((Number) catalog.single("select count(*) from catalog.quarantined_record where stage = "
                + "'pipeline:" + running.name() + "'")).longValue());
    }

    @Test
    void handsTheBacklogBackToTheLiveConsumerWhenItsBuildFailsSoThatOneBadRecordStopsNothingElse() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("refused_" + System.nanoTime() % 1_000_000L, "UTC", CONTRACT);
        List<RecordEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(d, List.of("k" + i, "o1", "c1", "p" + i, "East", "2024-03-01T10:00:00", BigDecimal.ONE,
                    1)));
        }
        // a key no index entry can hold: the built table's primary key refuses it, and with it the whole build
        String longKey = new java.util.Random(7).ints(9000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        events.add(event(d, List.of(longKey, "o1", "c1", "p1", "East", "2024-03-01T10:00:00",
                BigDecimal.ONE, 1)));
        CatalogFixtures.publish(bootstrap, events.toArray(RecordEvent[]::new));

        CatalogFixtures.declare(PIPELINE.formatted(d.name()));

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(catalog.single(
                "select status from catalog.pipeline_backfill where pipeline = '" + d.name() + "'")));
        assertEquals("BACKLOG", catalog.single("select source from catalog.pipeline_backfill where pipeline = '"
                + d.name() + "'"));
        // handed back to the live consumer, which applies them once the backfill has ended
        await().atMost(Duration.ofSeconds(60)).until(() -> received(catalog, d.name()) == 13);
        assertEquals(12L, ((Number) catalog.single("select count(*) from curated." + d.name()
                + " where _status = 'curated'")).longValue());
        assertEquals(12L, ((Number) catalog.single("select sum(_lines) from curated." + d.name() + "_agg"))
                .longValue());
        assertEquals(1L, ((Number) catalog.single("select count(*) from catalog.quarantined_record where stage = "
                + "'pipeline:" + d.name() + "'")).longValue());
    }

    @Test
    void buildsAPipelineThatKeepsOnlyItsCuratedTable() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("plain_" + System.nanoTime() % 1_000_000L, "UTC", CONTRACT);
        List<RecordEvent> events = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            events.add(event(d, List.of("k" + i, "o" + i, "c1", "p1", "East", "2024-03-01T10:00:00", BigDecimal.ONE,
                    1)));
        }
        CatalogFixtures.publish(bootstrap, events.toArray(RecordEvent[]::new));

        CatalogFixtures.declare("""
                name: %1$s
                dataset: %1$s
                key: [id]
                """.formatted(d.name()));

        await().atMost(Duration.ofSeconds(60)).until(() -> received(catalog, d.name()) == 15);
        assertEquals("BACKLOG", catalog.single("select source from catalog.pipeline_backfill where pipeline = '"
                + d.name() + "'"));
        assertEquals(15L, ((Number) catalog.single("select count(*) from curated." + d.name())).longValue());
        assertEquals(List.of(Map.of("tablename", d.name())), catalog.query("select tablename from pg_tables where "
                + "schemaname = 'curated' and tablename like '%" + d.name() + "%'"));
    }

    private static final String CURATED_COLUMNS = "_key, _status, _hash, _version, _input::text, _pending::text, _offset, "
            + "id, order_id, customer, product, region, placed_at, amount, quantity, net";

    /**
     * Forty records, and {@link #events} adds one whose amount is not a number: 35 keys over 12 orders, an exact
     * repeat of two of them, a correction of a third, one left out by the filter and one a week behind the others.
     */
    private static List<List<Object>> records() {
        List<List<Object>> records = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            records.add(List.of("k" + i, "o" + (i % 12), "c" + (i % 7), "p" + (i % 5), i % 2 == 0 ? " East " : "West",
                    String.format("2024-03-01T%02d:30:00", i % 24), new BigDecimal(i + ".25"), 1 + i % 3));
        }
        records.add(records.get(3));
        records.add(records.get(4));
        records.add(List.of("k5", "o5", "c5", "p0", "West", "2024-03-02T11:00:00", new BigDecimal("99.5"), 2));
        records.add(List.of("zero", "o1", "c1", "p2", "West", "2024-03-02T11:00:00", BigDecimal.ZERO, 1));
        records.add(List.of("week-late", "o2", "c2", "p3", "East", "2024-02-22T11:00:00", BigDecimal.TEN, 1));
        return records;
    }

    private static RecordEvent[] events(CatalogFixtures.Dataset dataset, List<List<Object>> records) {
        List<RecordEvent> events = new ArrayList<>();
        for (List<Object> r : records) {
            events.add(event(dataset, r));
        }
        events.add(dataset.record("bad", "id", "bad", "order_id", "o3", "amount", "not a number", "placed_at",
                "2024-03-02T11:00:00", "quantity", 1));
        return events.toArray(RecordEvent[]::new);
    }

    private static RecordEvent event(CatalogFixtures.Dataset dataset, List<Object> r) {
        return dataset.record((String) r.get(0), "id", r.get(0), "order_id", r.get(1), "customer", r.get(2), "product",
                r.get(3), "region", r.get(4), "placed_at", r.get(5), "amount", r.get(6), "quantity", r.get(7));
    }

    /**
     * The two pipelines' curated rows, aggregate, purchase histories, co-purchase counts, pipeline counts and
     * quarantine entries are equal.
     */
    private static void assertSameTablesCountsAndQuarantine(CatalogFixtures catalog, String expected, String actual)
            throws SQLException {
        assertEquals(rows(catalog, expected, CURATED_COLUMNS), rows(catalog, actual, CURATED_COLUMNS));
        assertEquals(rows(catalog, expected + "_agg", "_bucket, region, amount, net, _lines"),
                rows(catalog, actual + "_agg", "_bucket, region, amount, net, _lines"));
        assertEquals(rows(catalog, expected + "_customer_products", "*"),
                rows(catalog, actual + "_customer_products", "*"));
        assertEquals(rows(catalog, expected + "_co_purchases", "*"), rows(catalog, actual + "_co_purchases", "*"));
        assertEquals(counts(catalog, expected), counts(catalog, actual));
        assertEquals(quarantined(catalog, expected), quarantined(catalog, actual));
    }

    private static long received(CatalogFixtures catalog, String pipeline) throws SQLException {
        Object received = catalog.single("select received from catalog.pipeline_state where name = '" + pipeline
                + "'");
        return received == null ? 0 : ((Number) received).longValue();
    }

    private static List<Map<String, Object>> rows(CatalogFixtures catalog, String table, String columns)
            throws SQLException {
        return catalog.query("select " + columns + " from curated." + table + " order by 1, 2");
    }

    private static List<Map<String, Object>> counts(CatalogFixtures catalog, String pipeline) throws SQLException {
        return catalog.query("select received, curated, corrected, duplicates, filtered, failed, superseded, late "
                + "from catalog.pipeline_state where name = '" + pipeline + "'");
    }

    private static List<Map<String, Object>> quarantined(CatalogFixtures catalog, String pipeline)
            throws SQLException {
        return catalog.query("select field, step, raw from catalog.quarantined_record where stage = 'pipeline:"
                + pipeline + "' order by raw");
    }
}
