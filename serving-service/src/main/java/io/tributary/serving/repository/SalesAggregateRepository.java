package io.tributary.serving.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads the sales aggregate the transform service maintains. The table has no entity: it is read with SQL. */
@ApplicationScoped
public class SalesAggregateRepository {

    public static final String TABLE = "curated.sales_by_region_day";

    private final DataSource dataSource;

    public SalesAggregateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row per region, summed over the days in range (bounds inclusive, null for none), by region. */
    public List<SalesAggregate> totalsByRegion(LocalDate from, LocalDate to) {
        String sql = "select region, sum(sales) as sales, sum(lines)::bigint as lines from " + TABLE
                + where(from, to) + " group by region order by region";
        return query(sql, from, to, false);
    }

    /** One row per region and day in range (bounds inclusive, null for none), by region then day. */
    public List<SalesAggregate> byRegionAndDay(LocalDate from, LocalDate to) {
        String sql = "select region, day, sales, lines from " + TABLE + where(from, to) + " order by region, day";
        return query(sql, from, to, true);
    }

    private static String where(LocalDate from, LocalDate to) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("day >= ?");
        }
        if (to != null) {
            conditions.add("day <= ?");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private List<SalesAggregate> query(String sql, LocalDate from, LocalDate to, boolean withDay) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (from != null) {
                statement.setObject(index++, from);
            }
            if (to != null) {
                statement.setObject(index, to);
            }
            List<SalesAggregate> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new SalesAggregate(result.getString("region"),
                            withDay ? result.getObject("day", LocalDate.class) : null,
                            result.getBigDecimal("sales"),
                            result.getLong("lines")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + TABLE + ": " + e.getMessage(), e);
        }
    }
}
