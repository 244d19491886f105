package io.tributary.transform.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.transform.service.SaleLine;

/**
 * Writes order lines into {@code curated.sales} and moves {@code curated.sales_by_region_day} by exactly the lines
 * that were new: a record already in the table (a redelivery, a replay) changes nothing. One statement per call, in
 * the caller's transaction.
 */
@ApplicationScoped
public class SalesTableRepository {

    public static final String CURATED_TABLE = "curated.sales";
    public static final String AGGREGATE_TABLE = "curated.sales_by_region_day";

    private static final String APPLY = """
            with incoming as (
                select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::date[], ?::text[], ?::numeric[], ?::jsonb[])
                    as t(record_id, source, batch_id, order_date, region, sales, attributes)
            ), inserted as (
                insert into curated.sales (record_id, source, batch_id, order_date, region, sales, attributes)
                select record_id, source, batch_id, order_date, region, sales, attributes from incoming
                on conflict (record_id) do nothing
                returning order_date, region, sales
            )
            insert into curated.sales_by_region_day as a (region, day, sales, lines, updated_at)
            select region, order_date, sum(sales), count(*), now() from inserted
            group by order_date, region
            order by order_date, region
            on conflict (day, region) do update
                set sales = a.sales + excluded.sales, lines = a.lines + excluded.lines, updated_at = excluded.updated_at
            """;
    private static final String WATERMARK = """
            insert into catalog.freshness_watermark as w (table_name, current_as_of, updated_at)
            values (?, ?, now())
            on conflict (table_name) do update
                set current_as_of = greatest(w.current_as_of, excluded.current_as_of), updated_at = excluded.updated_at
            """;

    private final AgroalDataSource dataSource;

    public SalesTableRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies the lines and advances the aggregate's freshness to the newest acceptance time among them. */
    public void apply(List<SaleLine> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement apply = connection.prepareStatement(APPLY)) {
                apply.setArray(1, texts(connection, lines, l -> l.recordId().toString()));
                apply.setArray(2, texts(connection, lines, SaleLine::source));
                apply.setArray(3, texts(connection, lines, l -> l.batchId().toString()));
                apply.setArray(4, texts(connection, lines, l -> l.orderDate().toString()));
                apply.setArray(5, texts(connection, lines, SaleLine::region));
                apply.setArray(6, texts(connection, lines, l -> l.sales().toPlainString()));
                apply.setArray(7, texts(connection, lines, SaleLine::attributes));
                apply.executeUpdate();
            }
            Instant newest = lines.stream().map(SaleLine::acceptedAt).max(Instant::compareTo).orElseThrow();
            try (PreparedStatement watermark = connection.prepareStatement(WATERMARK)) {
                watermark.setString(1, AGGREGATE_TABLE);
                watermark.setTimestamp(2, Timestamp.from(newest));
                watermark.executeUpdate();
            }
        }
    }

    /** Every column travels as text and is cast by the statement, so values keep their exact written form. */
    /** Order lines reflected in the aggregate (read from the aggregate, which stays small). */
    public long aggregatedLines() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select coalesce(sum(lines), 0) from " + AGGREGATE_TABLE);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Array texts(Connection connection, List<SaleLine> lines, Function<SaleLine, String> column)
            throws SQLException {
        return connection.createArrayOf("text", lines.stream().map(column).toArray());
    }
}
