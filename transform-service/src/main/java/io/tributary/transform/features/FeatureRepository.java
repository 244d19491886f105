package io.tributary.transform.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.PipelineDefinition;

/**
 * The recommender's features of a pipeline: {@code curated.<pipeline>_customer_products} (what each customer bought:
 * orders, quantity, last event time) and {@code curated.<pipeline>_co_purchases} (for each product, how many orders
 * also held each other product).
 */
@ApplicationScoped
public class FeatureRepository {

    private final AgroalDataSource dataSource;

    public FeatureRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates the feature tables, computed from the curated rows; drops them when the pipeline declares none. Each is
     * a {@code create table ... as select}, whose select PostgreSQL runs on parallel workers (it never does for an
     * {@code insert}'s), its {@code not null} columns and primary key declared after the rows, the key's index built
     * by one sort instead of an entry per row: {@code customer text, product text, orders bigint, quantity numeric,
     * last_event} of the event time's type for the histories, {@code product text, other_product text, orders bigint}
     * for the co-purchase counts, every column but {@code last_event} not null.
     */
    public void ensure(CompiledPipeline pipeline) throws SQLException {
        PipelineDefinition.Features features = pipeline.definition().features();
        String history = Sql.table(CuratedTables.customerProducts(pipeline.name()));
        String pairs = Sql.table(CuratedTables.coPurchases(pipeline.name()));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + history);
            statement.execute("drop table if exists " + pairs);
            if (features == null) {
                return;
            }
            statement.execute("create table " + history + " (customer, product, orders, quantity, last_event) as "
                    + historySelect(pipeline, "true"));
            statement.execute("alter table " + history + " alter customer set not null, alter product set not null, "
                    + "alter orders set not null, alter quantity set not null, add primary key (customer, product)");
            String order = Sql.quote(features.order());
            String product = Sql.quote(features.product());
            String fact = Sql.table(pipeline.name());
            statement.execute("create table " + pairs + " (product, other_product, orders) as select a." + product
                    + "::text, b." + product + "::text, count(distinct a." + order + ") from " + fact + " a join "
                    + fact + " b on a." + order + " = b." + order + " and a." + product + " <> b." + product
                    + " where " + CuratedRow.Status.curatedIn("a.") + " and " + CuratedRow.Status.curatedIn("b.")
                    + " group by 1, 2");
            statement.execute("alter table " + pairs + " alter product set not null, alter other_product set not "
                    + "null, alter orders set not null, add primary key (product, other_product)");
        }
    }

    /** The lines of each of these orders that name a product, each with its number of curated rows. */
    public Map<OrderLine, Long> linesOf(CompiledPipeline pipeline, Collection<String> orders) throws SQLException {
        PipelineDefinition.Features features = pipeline.definition().features();
        Map<OrderLine, Long> lines = new HashMap<>();
        if (orders.isEmpty()) {
            return lines;
        }
        String sql = "select " + Sql.quote(features.order()) + "::text, " + Sql.quote(features.customer())
                + "::text, " + Sql.quote(features.product()) + "::text, count(*) from " + Sql.table(pipeline.name())
                + " where _status = 'curated' and " + Sql.quote(features.order()) + " = any(?::"
                + pipeline.output().get(features.order()).sqlType() + "[]) and " + Sql.quote(features.product())
                + " is not null group by 1, 2, 3";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, Sql.texts(connection, orders));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.put(new OrderLine(result.getString(1), result.getString(2), result.getString(3)),
                            result.getLong(4));
                }
            }
        }
        return lines;
    }

    /** Moves the co-purchase counts of these product pairs by the given numbers of orders. */
    public void moveCoPurchases(CompiledPipeline pipeline, SortedMap<List<String>, Long> changes)
            throws SQLException {
        changes.values().removeIf(change -> change == 0);
        if (changes.isEmpty()) {
            return;
        }
        String table = Sql.table(CuratedTables.coPurchases(pipeline.name()));
        List<Map.Entry<List<String>, Long>> pairs = new ArrayList<>(changes.entrySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into " + table + " as c select * "
                        + "from unnest(?::text[], ?::text[], ?::bigint[]) order by 1, 2 on conflict (product, "
                        + "other_product) do update set orders = c.orders + excluded.orders");
                PreparedStatement prune = connection.prepareStatement("delete from " + table + " where orders <= 0 "
                        + "and (product, other_product) in (select * from unnest(?::text[], ?::text[]))")) {
            upsert.setArray(1, Sql.texts(connection, pairs, p -> p.getKey().get(0)));
            upsert.setArray(2, Sql.texts(connection, pairs, p -> p.getKey().get(1)));
            upsert.setArray(3, Sql.longs(connection, pairs, Map.Entry::getValue));
            upsert.executeUpdate();
            List<Map.Entry<List<String>, Long>> fewer = pairs.stream().filter(p -> p.getValue() < 0).toList();
            if (!fewer.isEmpty()) {
                prune.setArray(1, Sql.texts(connection, fewer, p -> p.getKey().get(0)));
                prune.setArray(2, Sql.texts(connection, fewer, p -> p.getKey().get(1)));
                prune.executeUpdate();
            }
        }
    }

    /** Moves the purchase histories of these (customer, product) pairs, which only gained rows. */
    public void moveHistories(CompiledPipeline pipeline, SortedMap<List<String>, HistoryMove> moves)
            throws SQLException {
        if (moves.isEmpty()) {
            return;
        }
        String table = Sql.table(CuratedTables.customerProducts(pipeline.name()));
        List<Map.Entry<List<String>, HistoryMove>> entries = new ArrayList<>(moves.entrySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into " + table + " as h select "
                        + "t.customer, t.product, t.orders, t.quantity::numeric, t.last_event::" + eventType(pipeline)
                        + " from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[]) as t(customer, "
                        + "product, orders, quantity, last_event) order by 1, 2 on conflict (customer, product) do "
                        + "update set orders = h.orders + excluded.orders, quantity = h.quantity + excluded.quantity, "
                        + "last_event = greatest(h.last_event, excluded.last_event)")) {
            upsert.setArray(1, Sql.texts(connection, entries, e -> e.getKey().get(0)));
            upsert.setArray(2, Sql.texts(connection, entries, e -> e.getKey().get(1)));
            upsert.setArray(3, Sql.longs(connection, entries, e -> e.getValue().orders()));
            upsert.setArray(4, Sql.texts(connection, entries, e -> e.getValue().quantity()));
            upsert.setArray(5, Sql.texts(connection, entries, e -> e.getValue().lastEvent()));
            upsert.executeUpdate();
        }
    }

    /** Computes again the purchase history of these (customer, product) pairs from the curated rows. */
    public void refreshHistories(CompiledPipeline pipeline, Collection<List<String>> customerProducts)
            throws SQLException {
        if (customerProducts.isEmpty()) {
            return;
        }
        PipelineDefinition.Features features = pipeline.definition().features();
        String table = Sql.table(CuratedTables.customerProducts(pipeline.name()));
        List<List<String>> sorted = customerProducts.stream().sorted((a, b) -> (a.get(0) + '\u0000' + a.get(1))
                .compareTo(b.get(0) + '\u0000' + b.get(1))).toList();
        String touched = "(" + Sql.quote(features.customer()) + ", " + Sql.quote(features.product())
                + ") in (select * from unnest(?::" + pipeline.output().get(features.customer()).sqlType() + "[], ?::"
                + pipeline.output().get(features.product()).sqlType() + "[]))";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from " + table
                        + " where (customer, product) in (select * from unnest(?::text[], ?::text[]))");
                PreparedStatement insert = connection.prepareStatement("insert into " + table + " "
                        + historySelect(pipeline, touched))) {
            for (PreparedStatement statement : List.of(delete, insert)) {
                statement.setArray(1, Sql.texts(connection, sorted, p -> p.get(0)));
                statement.setArray(2, Sql.texts(connection, sorted, p -> p.get(1)));
                statement.executeUpdate();
            }
        }
    }

    private static String eventType(CompiledPipeline pipeline) {
        return pipeline.eventTimeType() == null ? "timestamptz" : pipeline.eventTimeType().sqlType();
    }

    private static String historySelect(CompiledPipeline pipeline, String where) {
        PipelineDefinition.Features features = pipeline.definition().features();
        String quantity = features.quantity() == null
                ? "count(*)::numeric"
                : "coalesce(sum(" + Sql.quote(features.quantity()) + "), 0)::numeric";
        String event = (pipeline.definition().eventTime() == null
                ? "max(_accepted_at)"
                : "max(" + Sql.quote(pipeline.definition().eventTime()) + ")") + "::" + eventType(pipeline);
        return "select " + Sql.quote(features.customer()) + "::text, " + Sql.quote(features.product()) + "::text, "
                + "count(distinct " + Sql.quote(features.order()) + "), " + quantity + ", " + event + " from "
                + Sql.table(pipeline.name()) + " where _status = 'curated' and " + Sql.quote(features.customer())
                + " is not null and " + Sql.quote(features.product()) + " is not null and " + where
                + " group by 1, 2";
    }
}
