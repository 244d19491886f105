package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;
import io.tributary.transform.aggregate.AggregateRepository;
import io.tributary.transform.analytics.AnalyticsViews;
import io.tributary.transform.features.FeatureRepository;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.progress.PipelineProgress;
import io.tributary.transform.progress.PipelineStateRepository;
import io.tributary.transform.registry.PipelineRegistry;

/** The applier against a real PostgreSQL, fed directly with deliveries of a topic of each test's own. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class RecordApplierTest {

    private static final String LINES = """
            - {name: line_id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
            - {name: order_id, logicalType: string}
            - {name: customer, logicalType: string}
            - {name: product, logicalType: string}
            - {name: state, logicalType: string}
            - {name: ordered_on, logicalType: date}
            - {name: sales, logicalType: number}
            - {name: discount, logicalType: number}
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RecordApplier applier;
    @Inject
    PipelineRegistry registry;
    @Inject
    PipelineStateRepository states;
    @Inject
    AggregateRepository aggregates;
    @Inject
    FeatureRepository features;
    @Inject
    AnalyticsViews views;

    private CatalogFixtures catalog;
    private String topic;
    private final List<Long> offsets = new ArrayList<>();
    private String suffix;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(dataSource);
        topic = "test-" + UUID.randomUUID();
        suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
    }

    private String name(String base) {
        return base + "_" + suffix;
    }

    private CatalogFixtures.Dataset lines(String extraSteps) throws SQLException {
        CatalogFixtures.Dataset dataset = catalog.dataset(name("lines"), "UTC", LINES);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: ordered_on
                lateness: P2D
                steps:
                  - derive: {net: "sales - discount * sales"}
                %s
                aggregate:
                  dimensions: [state]
                  measures: [sales, net]
                features: {customer: customer, order: order_id, product: product}
                """.formatted(dataset.name(), dataset.name(), extraSteps.indent(2)));
        registry.refresh();
        return dataset;
    }

    private static RecordEvent line(CatalogFixtures.Dataset d, String id, String order, String product, String state,
            String day, String sales) {
        return d.record(id, "line_id", id, "order_id", order, "customer", "c-" + order.charAt(0), "product", product,
                "state", state, "ordered_on", day, "sales", new BigDecimal(sales), "discount", new BigDecimal("0.1"));
    }

    private Map<String, PipelineProgress> deliver(RecordEvent... events) throws SQLException {
        List<Delivery> deliveries = new ArrayList<>();
        for (RecordEvent event : events) {
            deliveries.add(new Delivery(topic, 0, offsets.size(), event));
            offsets.add((long) offsets.size());
        }
        return applier.apply(topic, deliveries);
    }

    private static void assertAmount(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), expected + " <> " + actual);
    }

    private Object stateSales(String pipeline, String state) throws SQLException {
        return catalog.single("select sum(sales) from curated." + pipeline + "_agg where state = '" + state + "'");
    }

    @Test
    void aPollOfANewPartitionHandedToTwoInstancesAtOnceIsAppliedOnce() throws Exception {
        CatalogFixtures.Dataset d = lines("");
        List<Delivery> poll = List.of(new Delivery(topic, 0, 0, line(d, "1", "A1", "chair", "CA", "2024-03-01", "10")),
                new Delivery(topic, 0, 1, line(d, "2", "A1", "desk", "CA", "2024-03-01", "20")));
        CompletableFuture<Map<String, PipelineProgress>> other;
        QuarkusTransaction.begin();
        try {
            applier.apply(topic, poll);
            // the instance the partition moved to in a rebalance reads the same poll while the first still commits
            other = CompletableFuture.supplyAsync(() -> {
                try {
                    return applier.apply(topic, poll);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertFalse(other.isDone(), "the other instance waits for the partition's offset");
        } finally {
            QuarkusTransaction.commit();
        }

        assertEquals(Map.of(), other.get(30, TimeUnit.SECONDS), "the other instance finds the poll applied");
        PipelineProgress counts = states.find(d.name());
        assertEquals(2, counts.received());
        assertEquals(2, counts.curated());
        assertEquals(0, counts.duplicates());
        assertAmount("30", stateSales(d.name(), "CA"));
    }

    @Test
    void curatesRecordsAndMovesTheAggregateByExactDecimals() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        Map<String, PipelineProgress> applied = deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "10.10"),
                line(d, "2", "A1", "desk", "CA", "2024-03-01", "0.20"),
                line(d, "3", "B1", "desk", "NY", "2024-03-02", "5"));
        assertEquals(3, applied.get(d.name()).curated());
        assertAmount("10.30", stateSales(d.name(), "CA"));
        assertAmount("9.270", catalog.single("select sum(net) from curated." + d.name()
                + "_agg where state = 'CA'"));
        assertEquals(3L, catalog.single("select sum(_lines)::bigint from curated." + d.name() + "_agg"));
    }

    @Test
    void storesTextWithTabsLineBreaksAndBackslashesAsItCame() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        String product = "tab\there, line\nbreak\r\n, back\\slash, \\N, \"quoted\", café 日本";
        deliver(line(d, "1", "A1", product, "CA", "2024-03-01", "1"), line(d, "2", "A1", "", "CA", "2024-03-01", "2"));
        assertEquals(product, catalog.single("select product from curated." + d.name() + " where line_id = '1'"));
        assertEquals(product, catalog.single("select _input::json ->> 'product' from curated." + d.name()
                + " where line_id = '1'"));
        assertEquals("", catalog.single("select product from curated." + d.name() + " where line_id = '2'"),
                "an empty string stays empty, not null");
    }

    @Test
    void skipsARedeliveredPollSoEachRecordCountsOnce() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        List<Delivery> poll = List.of(new Delivery(topic, 0, 0, line(d, "1", "A1", "chair", "CA", "2024-03-01", "7")),
                new Delivery(topic, 0, 1, line(d, "2", "A2", "desk", "CA", "2024-03-01", "3")));
        applier.apply(topic, poll);
        Map<String, PipelineProgress> again = applier.apply(topic, poll);
        assertNull(again.get(d.name()), "a redelivered poll changes nothing, not even the counts");
        assertAmount("10", stateSales(d.name(), "CA"));
    }

    @Test
    void movesTheAggregatesFreshnessToTheNewestAcceptedRecordAndNeverBack() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RecordEvent newer = acceptedAt(line(d, "1", "A1", "chair", "CA", "2024-03-01", "7"), acceptedAt);
        RecordEvent older = acceptedAt(line(d, "2", "A2", "desk", "CA", "2024-03-01", "3"),
                acceptedAt.minus(Duration.ofHours(1)));
        String currentAsOf = "select current_as_of = '" + acceptedAt + "'::timestamptz from "
                + "catalog.freshness_watermark where table_name = '" + CuratedTables.freshnessKey(d.name()) + "'";

        deliver(newer);
        assertEquals(true, catalog.single(currentAsOf), "current as of the newest record applied");
        deliver(older);
        assertEquals(true, catalog.single(currentAsOf), "a record accepted earlier does not move it back");
        assertEquals(2, states.find(d.name()).received(), "the progress moved in the same statement");
    }

    private static RecordEvent acceptedAt(RecordEvent event, Instant time) {
        return new RecordEvent(event.specversion(), event.id(), event.source(), event.type(), event.subject(), time,
                event.datacontenttype(), event.dataschema(), event.tributarydataset(), event.tributarybatch(),
                event.tributaryposition(), event.tributarycontractversion(), event.data());
    }

    @Test
    void countsHowLongEachLiveRecordTookFromItsArrivalButNotFromADateEventTime() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        List<Delivery> poll = List.of(new Delivery(topic, 0, 0, line(d, "1", "A1", "chair", "CA", "2024-03-01", "7")),
                new Delivery(topic, 0, 1, line(d, "2", "A2", "desk", "CA", "2024-03-01", "3")));
        applier.apply(topic, poll);
        applier.apply(topic, poll);
        assertEquals(2L, catalog.single("select sum(count)::bigint from catalog.pipeline_latency where pipeline = '"
                + d.name() + "' and basis = 'ARRIVAL'"), "one count per record, the redelivered poll adds none");
        assertEquals(0L, catalog.single("select count(*) from catalog.pipeline_latency where pipeline = '" + d.name()
                + "' and basis = 'EVENT_TIME'"), "a date is no instant of occurrence");
    }

    @Test
    void countsExactRepeatsAndMovesAggregatesByTheDifferenceOfACorrection() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "100"));
        Map<String, PipelineProgress> repeat = deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "100"));
        assertEquals(1, repeat.get(d.name()).duplicates());
        Map<String, PipelineProgress> correction = deliver(line(d, "1", "A1", "chair", "NY", "2024-03-01", "80"));
        assertEquals(1, correction.get(d.name()).corrected());
        assertEquals(0, ((BigDecimal) stateSales(d.name(), "CA")).signum());
        assertAmount("80", stateSales(d.name(), "NY"));
        PipelineProgress total = states.find(d.name());
        assertEquals(total.received(), total.curated() + total.corrected() + total.duplicates() + total.filtered()
                + total.failed() + total.superseded());
    }

    @Test
    void quarantinesRecordWhoseExpressionFailsAndKeepsGoing() throws SQLException {
        CatalogFixtures.Dataset d = lines("- derive: {unit: \"sales / discount\"}");
        RecordEvent zero = d.record("9", "line_id", "9", "order_id", "Z9", "ordered_on", "2024-03-01", "sales",
                new BigDecimal("4"), "discount", new BigDecimal("0"), "state", "CA");
        Map<String, PipelineProgress> applied = deliver(zero, line(d, "1", "A1", "chair", "CA", "2024-03-01", "4"));
        assertEquals(1, applied.get(d.name()).failed());
        assertEquals(1, applied.get(d.name()).curated());
        Map<String, Object> entry = catalog.query("select rule, field, reason, stage from "
                + "catalog.quarantined_record where dataset = '" + d.name() + "'").get(0);
        assertEquals("pipeline." + d.name(), entry.get("rule"));
        assertEquals("unit", entry.get("field"));
        assertTrue(entry.get("reason").toString().contains("sales / discount"), entry.toString());
        assertEquals("failed", catalog.single("select _status from curated." + d.name() + " where _input->>'line_id' = '9'"));
    }

    @Test
    void appliesLateRecordsAndMarksTheCellsTheyRestate() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        deliver(line(d, "1", "A1", "chair", "CA", "2024-03-10", "1"));
        Map<String, PipelineProgress> late = deliver(line(d, "2", "A2", "desk", "CA", "2024-03-01", "2"));
        assertEquals(1, late.get(d.name()).late());
        assertAmount("3", stateSales(d.name(), "CA"));
        assertEquals(1L, catalog.single("select count(*) from curated." + d.name()
                + "_agg where _restated_at is not null"));
    }

    @Test
    void countsCoPurchasesAndPurchaseHistoriesAndUndoesThemOnCorrection() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "1"), line(d, "2", "A1", "desk", "CA", "2024-03-01",
                "1"), line(d, "3", "A2", "chair", "CA", "2024-03-02", "1"));
        deliver(line(d, "4", "A2", "desk", "CA", "2024-03-02", "1"));
        String pairs = "select orders from curated." + d.name() + "_co_purchases where product = 'chair' and "
                + "other_product = 'desk'";
        assertEquals(2L, catalog.single(pairs));
        assertEquals(2L, catalog.single("select orders from curated." + d.name() + "_customer_products where "
                + "customer = 'c-A' and product = 'chair'"));
        deliver(line(d, "4", "A2", "lamp", "CA", "2024-03-02", "1"));
        assertEquals(1L, catalog.single(pairs));
        assertEquals(1L, catalog.single("select orders from curated." + d.name() + "_co_purchases where product = "
                + "'lamp' and other_product = 'chair'"));
    }

    @Test
    void movesPurchaseHistoriesByTheDifferenceAsTheRowsWouldGiveThem() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "1"), line(d, "2", "A1", "chair", "CA", "2024-03-01",
                "1"), line(d, "3", "B1", "chair", "CA", "2024-03-02", "1"));
        deliver(line(d, "4", "A2", "chair", "CA", "2024-03-05", "1"), line(d, "5", "A3", "desk", "CA", "2024-03-03",
                "1"), line(d, "6", "A1", "lamp", "CA", "2024-03-01", "1"));
        assertEquals(List.of(Map.of("orders", 2L, "lines", "3", "last", "2024-03-05")), catalog.query("select orders, "
                + "quantity::text as lines, last_event::text as last from curated." + d.name()
                + "_customer_products where customer = 'c-A' and product = 'chair'"));
        assertHistoriesAsTheRowsGiveThem(d);

        deliver(line(d, "4", "A2", "desk", "CA", "2024-03-04", "1"), line(d, "7", "A4", "chair", "CA", "2024-03-02",
                "1"));
        assertHistoriesAsTheRowsGiveThem(d);
        assertEquals(List.of(Map.of("orders", 2L, "last", "2024-03-02")), catalog.query("select orders, "
                + "last_event::text as last from curated." + d.name() + "_customer_products where customer = 'c-A' "
                + "and product = 'chair'"));
    }

    private void assertHistoriesAsTheRowsGiveThem(CatalogFixtures.Dataset d) throws SQLException {
        String fromRows = "select customer, product, count(distinct order_id), count(*)::numeric, max(ordered_on) "
                + "from curated." + d.name() + " where _status = 'curated' group by 1, 2";
        String stored = "select * from curated." + d.name() + "_customer_products";
        assertEquals(List.of(), catalog.query("(" + fromRows + ") except (" + stored + ")"));
        assertEquals(List.of(), catalog.query("(" + stored + ") except (" + fromRows + ")"));
    }

    @Test
    void rebuildsTheAggregateAndFeaturesAsTheRecordsMovedThemValueForValue() throws SQLException {
        CatalogFixtures.Dataset d = lines("""
                - filter: "sales > 0"
                - derive: {unit: "sales / discount"}""");
        RecordEvent noState = d.record("4", "line_id", "4", "order_id", "B1", "customer", "c-B", "product", "lamp",
                "ordered_on", "2024-03-02", "sales", new BigDecimal("3"), "discount", new BigDecimal("0.1"));
        RecordEvent noProduct = d.record("5", "line_id", "5", "order_id", "B1", "customer", "c-B", "state", "NY",
                "ordered_on", "2024-03-02", "sales", new BigDecimal("2.5"), "discount", new BigDecimal("0.1"));
        RecordEvent failing = d.record("7", "line_id", "7", "order_id", "B1", "customer", "c-B", "product", "sofa",
                "state", "NY", "ordered_on", "2024-03-02", "sales", new BigDecimal("4"), "discount", BigDecimal.ZERO);
        deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "100"), line(d, "2", "A1", "desk", "CA", "2024-03-01",
                "50"), line(d, "3", "A1", "chair", "CA", "2024-03-01", "7"), noState, noProduct,
                line(d, "6", "B1", "desk", "NY", "2024-03-02", "-5"), failing);
        Map<String, PipelineProgress> second = deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "100"),
                line(d, "2", "A1", "desk", "NY", "2024-03-01", "40"), line(d, "3", "A1", "chair", "CA", "2024-03-01",
                        "-1"),
                line(d, "8", "A2", "chair", "CA", "2024-02-20", "9"), line(d, "9", "B2", "lamp", "CA", "2024-03-03",
                        "1.25"),
                line(d, "10", "B2", "chair", "CA", "2024-03-03", "2"));
        PipelineProgress total = states.find(d.name());
        assertEquals(1, second.get(d.name()).duplicates());
        assertEquals(1, second.get(d.name()).late());
        assertTrue(total.filtered() >= 2 && total.failed() == 1 && total.corrected() >= 1, total.toString());
        // a cell whose every line moved away stays in the moved table with nothing in it; a rebuild has no such cell.
        // Sums are compared as values: moved by differences, a sum may keep a trailing zero that the rows' sum has not
        String aggregate = "select _bucket::text, state, trim_scale(sales)::text as sales, trim_scale(net)::text as net, "
                + "_lines from curated." + d.name()
                + "_agg where _lines > 0 order by 1, 2";
        String histories = "select customer, product, orders, trim_scale(quantity)::text as quantity, last_event::text "
                + "from curated." + d.name()
                + "_customer_products order by 1, 2";
        String pairs = "select product, other_product, orders from curated." + d.name() + "_co_purchases order by 1, 2";
        List<List<Map<String, Object>>> moved = List.of(catalog.query(aggregate), catalog.query(histories),
                catalog.query(pairs));
        assertTrue(moved.get(0).stream().anyMatch(cell -> "".equals(cell.get("state"))), moved.toString());
        assertFalse(moved.get(1).isEmpty() || moved.get(2).isEmpty(), moved.toString());

        views.dropOf(d.name());
        catalog.execute("drop table curated." + d.name() + "_agg");
        CompiledPipeline pipeline = registry.find(d.name()).orElseThrow();
        aggregates.ensure(pipeline);
        features.ensure(pipeline);
        views.makeOf(d.name());

        assertEquals(moved, List.of(catalog.query(aggregate), catalog.query(histories), catalog.query(pairs)));
        assertEquals(0L, catalog.single("select count(*) from curated." + d.name() + "_agg where _lines = 0"));
    }

    @Test
    void keepsACoPurchaseWhileAnotherLineOfTheOrderStillHoldsTheProduct() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        deliver(line(d, "1", "B1", "chair", "CA", "2024-03-01", "1"), line(d, "2", "B1", "chair", "CA", "2024-03-01",
                "1"), line(d, "3", "B1", "desk", "CA", "2024-03-01", "1"));
        String pairs = "select count(*) from curated." + d.name() + "_co_purchases where product = 'chair' and "
                + "other_product = 'desk' and orders = 1";

        deliver(line(d, "1", "B1", "lamp", "CA", "2024-03-01", "1"));
        assertEquals(1L, catalog.single(pairs));
        assertEquals(1L, catalog.single("select orders from curated." + d.name() + "_co_purchases where product = "
                + "'lamp' and other_product = 'chair'"));

        deliver(line(d, "2", "B1", "lamp", "CA", "2024-03-01", "1"));
        assertEquals(0L, catalog.single("select count(*) from curated." + d.name() + "_co_purchases where "
                + "product = 'chair' or other_product = 'chair'"));
        assertEquals(List.of(Map.of("pair", "desk/lamp", "orders", 1L), Map.of("pair", "lamp/desk", "orders", 1L)),
                catalog.query("select product || '/' || other_product as pair, orders from curated." + d.name()
                        + "_co_purchases order by 1"));
    }

    @Test
    void completesFactsWhoseReferenceArrivesLaterAndMovesThemWhenItChanges() throws SQLException {
        CatalogFixtures.Dataset regions = catalog.dataset(name("regions"), "UTC", """
                - {name: state, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: region, logicalType: string}
                """);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                kind: reference
                key: [state]
                """.formatted(regions.name(), regions.name()));
        registry.refresh();
        CatalogFixtures.Dataset d = catalog.dataset(name("facts"), "UTC", LINES);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: ordered_on
                steps:
                  - lookup: {reference: %s, key: state}
                aggregate: {dimensions: [region], measures: [sales]}
                """.formatted(d.name(), d.name(), regions.name()));
        registry.refresh();
        deliver(line(d, "1", "A1", "chair", "CA", "2024-03-01", "10"));
        assertEquals("{" + regions.name() + "}", catalog.single("select _pending::text from curated." + d.name()));
        assertAmount("10", catalog.single("select sales from curated." + d.name()
                + "_agg where region = ''"));
        Map<String, PipelineProgress> arrived = deliver(regions.record("CA", "state", "CA", "region", "West"));
        assertEquals(1, arrived.get(d.name()).rederived());
        assertEquals("West", catalog.single("select region from curated." + d.name()));
        assertAmount("10", catalog.single("select sum(sales) from curated." + d.name()
                + "_agg where region = 'West'"));
        assertEquals(0, ((BigDecimal) catalog.single("select sum(sales) from curated." + d.name()
                + "_agg where region = ''")).signum());
        deliver(regions.record("CA", "state", "CA", "region", "Pacific"));
        assertAmount("10", catalog.single("select sum(sales) from curated." + d.name()
                + "_agg where region = 'Pacific'"));
    }

    @Test
    void countsANewKeyOnceWhenTwoWritersApplyItAtTheSameTime() throws Exception {
        CatalogFixtures.Dataset d = lines("");
        List<Delivery> poll = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            poll.add(new Delivery(topic, 0, i, line(d, "n" + i, "O" + i, "chair", "CA", "2024-03-01", "1")));
        }
        String otherTopic = topic + "-replayed";
        List<Delivery> replayed = poll.stream().map(p -> new Delivery(otherTopic, 0, p.offset() + 1000, p.event()))
                .toList();
        Thread second = new Thread(() -> {
            try {
                applier.apply(otherTopic, replayed);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        applier.apply(topic, poll);
        second.join();
        assertAmount("300", stateSales(d.name(), "CA"));
        PipelineProgress total = states.find(d.name());
        assertEquals(300, total.curated());
        // the writer that comes second finds each key taken: a repeat, or an older offset of the same partition
        assertEquals(300, total.duplicates() + total.superseded());
    }

    @Test
    void countsARecordABackfillAppliedFirstAsTheStreamsOwnNotAsARepeat() throws SQLException {
        CatalogFixtures.Dataset d = lines("");
        Delivery delivery = new Delivery(topic, 0, 0, line(d, "1", "A1", "chair", "CA", "2024-03-01", "5"));
        applier.replay(registry.find(d.name()).orElseThrow(), List.of(delivery), Isolation.NONE);
        Map<String, PipelineProgress> live = applier.apply(topic, List.of(delivery));
        assertEquals(1, live.get(d.name()).curated());
        assertEquals(0, live.get(d.name()).duplicates());
        assertAmount("5", stateSales(d.name(), "CA"));
    }

    /** What the consumer does with a poll: {@link Retries}, which isolates the records a failure blames. */
    private Map<String, PipelineProgress> consume(RecordEvent... events) throws Exception {
        List<Delivery> deliveries = new ArrayList<>();
        for (RecordEvent event : events) {
            deliveries.add(new Delivery(topic, 0, offsets.size(), event));
            offsets.add((long) offsets.size());
        }
        return Retries.untilCommitted(isolation -> applier.apply(topic, deliveries, isolation));
    }

    private Map<String, Object> quarantined(String pipeline) throws SQLException {
        List<Map<String, Object>> entries = catalog.query("select stage, step, sql_state, rule, reason, raw from "
                + "catalog.quarantined_record where stage = 'pipeline:" + pipeline + "'");
        assertEquals(1, entries.size(), entries::toString);
        return entries.get(0);
    }

    @Test
    void quarantinesARecordPostgresRefusesAndAppliesTheOthersOfItsPollWithTheOffsets() throws Exception {
        CatalogFixtures.Dataset d = lines("");
        Map<String, PipelineProgress> applied = consume(line(d, "1", "A1", "chair", "CA", "2024-03-01", "10"),
                line(d, "2", "A2", "desk\u0000lamp", "CA", "2024-03-01", "1"),
                line(d, "3", "A3", "lamp", "CA", "2024-03-01", "5"));

        assertEquals(List.of(3L, 2L, 1L), List.of(applied.get(d.name()).received(), applied.get(d.name()).curated(),
                applied.get(d.name()).failed()));
        assertAmount("15", stateSales(d.name(), "CA"));
        assertEquals(1L, catalog.single("select count(*) from curated." + d.name() + " where _status = 'failed'"));
        Map<String, Object> entry = quarantined(d.name());
        assertEquals("store", entry.get("step"));
        // no text column can hold U+0000: a data exception
        assertTrue(((String) entry.get("sql_state")).startsWith("22"), entry::toString);
        assertTrue(((String) entry.get("reason")).contains("store: its row could not be stored"), entry::toString);
        assertTrue(((String) entry.get("raw")).contains("desk\\u0000lamp"), entry::toString);
        assertEquals(3L, catalog.single("select next_offset from catalog.consumer_offset where topic = '" + topic
                + "'"));
        PipelineProgress total = states.find(d.name());
        assertEquals(total.received(), total.curated() + total.failed());
    }

    @Test
    void quarantinesARecordWhoseKeyNoIndexEntryCanHoldWithoutARow() throws Exception {
        CatalogFixtures.Dataset d = catalog.dataset(name("keyed"), "UTC", LINES);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                key: [line_id]
                eventTime: ordered_on
                aggregate: {dimensions: [state], measures: [sales]}
                """.formatted(d.name(), d.name()));
        registry.refresh();
        // random text does not compress: its index entry would be longer than a btree page allows
        String longKey = new java.util.Random(7).ints(12_000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Map<String, PipelineProgress> applied = consume(line(d, "1", "A1", "chair", "CA", "2024-03-01", "10"),
                line(d, longKey, "A2", "desk", "CA", "2024-03-01", "1"),
                line(d, "3", "A3", "lamp", "CA", "2024-03-01", "5"));

        assertEquals(List.of(3L, 2L, 1L), List.of(applied.get(d.name()).received(), applied.get(d.name()).curated(),
                applied.get(d.name()).failed()));
        assertAmount("15", stateSales(d.name(), "CA"));
        assertEquals(2L, catalog.single("select count(*) from curated." + d.name()));
        Map<String, Object> entry = quarantined(d.name());
        assertEquals("54000", entry.get("sql_state"));
        assertEquals("store", entry.get("step"));
    }
}
