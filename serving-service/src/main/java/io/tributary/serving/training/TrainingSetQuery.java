package io.tributary.serving.training;

import java.util.List;

import io.tributary.catalog.curated.CuratedTables;

/**
 * The statement that computes a point-in-time correct training set in PostgreSQL: each curated order line with the
 * customer's and the product's features computed only from orders placed strictly before its own. An order's time is
 * that of its earliest line; window frames end before the current order time ({@code exclude group}), so the lines of
 * one order, and orders placed at the same instant, never see each other.
 */
public final class TrainingSetQuery {

    /**
     * A column of the training set: its name (the CSV header, the JSON field) and its expression over the lines and
     * the windows of {@link #sql}.
     */
    public record Column(String name, String expression) {
    }

    /** The columns of every training set, in order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("line", "line"),
            new Column("order_time", "to_json(order_time) #>> '{}'"),
            new Column("order", "order_id"),
            new Column("customer", "customer"),
            new Column("product", "product"),
            new Column("units", "units"),
            new Column("customer_orders_before", "coalesce(sum(first_of_order) over before_customer, 0)"),
            new Column("customer_lines_before", "count(*) over before_customer"),
            new Column("customer_units_before", "coalesce(sum(units) over before_customer, 0)"),
            new Column("customer_last_order_before", "to_json(max(order_time) over before_customer) #>> '{}'"),
            new Column("customer_product_lines_before", "count(*) over before_customer_product"),
            new Column("product_orders_before", "coalesce(sum(first_of_product_order) over before_product, 0)"),
            new Column("product_lines_before", "count(*) over before_product"),
            new Column("product_units_before", "coalesce(sum(units) over before_product, 0)"));

    private static final String STATEMENT = """
            with lines as (
                select _key as line, %2$s::text as order_id, %3$s::text as customer, %4$s::text as product,
                       %5$s::numeric as units, min(%6$s) over (partition by %2$s) as order_time,
                       (row_number() over (partition by %3$s, %2$s order by _key) = 1)::int as first_of_order,
                       (row_number() over (partition by %4$s, %2$s order by _key) = 1)::int as first_of_product_order
                from %1$s
                where _status = 'curated' and %2$s is not null and %3$s is not null and %4$s is not null
                  and %6$s is not null
            ), featured as (
                select order_time as at, %7$s
                from lines
                window before_customer as (partition by customer order by order_time
                           range between unbounded preceding and current row exclude group),
                       before_product as (partition by product order by order_time
                           range between unbounded preceding and current row exclude group),
                       before_customer_product as (partition by customer, product order by order_time
                           range between unbounded preceding and current row exclude group)
            )
            select %8$s from featured
            where (?::timestamptz is null or at >= ?::timestamptz) and (?::timestamptz is null or at < ?::timestamptz)
            order by at, "order", line
            """;

    private TrainingSetQuery() {
    }

    /** The statement over the source's curated table; it takes from twice, then to twice (null for no bound). */
    public static String sql(TrainingSetSource source) {
        return STATEMENT.formatted(table(source.pipeline()), identifier(source.order()),
                identifier(source.customer()), identifier(source.product()),
                source.quantity() == null ? "1" : "coalesce(" + identifier(source.quantity()) + ", 0)",
                source.eventTime() == null ? "_accepted_at" : identifier(source.eventTime()), select(), names());
    }

    private static String select() {
        StringBuilder select = new StringBuilder();
        for (Column column : COLUMNS) {
            select.append(select.isEmpty() ? "" : ", ").append(column.expression()).append(" as ")
                    .append(identifier(column.name()));
        }
        return select.toString();
    }

    private static String names() {
        StringBuilder names = new StringBuilder();
        for (Column column : COLUMNS) {
            names.append(names.isEmpty() ? "" : ", ").append(identifier(column.name()));
        }
        return names.toString();
    }

    static String table(String pipeline) {
        return CuratedTables.SCHEMA + "." + identifier(CuratedTables.curated(pipeline));
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
