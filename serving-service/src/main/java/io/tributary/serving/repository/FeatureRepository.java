package io.tributary.serving.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.CuratedTables;

/**
 * Reads the recommender's features a pipeline keeps: {@code curated.<pipeline>_customer_products} and
 * {@code curated.<pipeline>_co_purchases}. Table names come from a checked pipeline name and are quoted.
 */
@ApplicationScoped
public class FeatureRepository {

    private static final String HAS_FEATURES = """
            select count(*) from information_schema.tables where table_schema = ? and table_name in (?, ?)
            """;
    private static final String PURCHASES = """
            select product, orders, quantity, last_event::text from %s where customer = ?
            order by orders desc, product limit ?
            """;
    private static final String BOUGHT_WITH = """
            select other_product, orders from %s where product = ? order by orders desc, other_product limit ?
            """;

    private final AgroalDataSource dataSource;

    public FeatureRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the pipeline keeps features. */
    public boolean hasFeatures(String pipeline) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HAS_FEATURES)) {
            query.setString(1, CuratedTables.SCHEMA);
            query.setString(2, CuratedTables.customerProducts(pipeline));
            query.setString(3, CuratedTables.coPurchases(pipeline));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 2;
            }
        } catch (SQLException e) {
            throw unreadable("the feature tables of " + pipeline, e);
        }
    }

    /** What the customer bought, most ordered first. */
    public List<PurchaseRow> purchases(String pipeline, String customer, int limit) {
        return rows(PURCHASES, CuratedTables.customerProducts(pipeline), customer, limit,
                r -> new PurchaseRow(r.getString(1), r.getLong(2), r.getBigDecimal(3), r.getString(4)));
    }

    /** The products most often in the same order as this one. */
    public List<CoPurchaseRow> boughtWith(String pipeline, String product, int limit) {
        return rows(BOUGHT_WITH, CuratedTables.coPurchases(pipeline), product, limit,
                r -> new CoPurchaseRow(r.getString(1), r.getLong(2)));
    }

    private interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    /** The rows of one of the statements above on {@code table}, for one value and a limit. */
    private <T> List<T> rows(String statement, String table, String value, int limit, RowReader<T> reader) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(statement.formatted(quoted(table)))) {
            query.setString(1, value);
            query.setInt(2, limit);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
        } catch (SQLException e) {
            throw unreadable(CuratedTables.qualified(table), e);
        }
        return rows;
    }

    private static String quoted(String name) {
        return CuratedTables.SCHEMA + ".\"" + name.replace("\"", "\"\"") + '"';
    }

    private static IllegalStateException unreadable(String what, SQLException e) {
        return new IllegalStateException("could not read " + what + ": " + e.getMessage(), e);
    }
}
