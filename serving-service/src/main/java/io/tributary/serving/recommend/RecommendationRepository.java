package io.tributary.serving.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.document.DocumentFormat;
import io.tributary.serving.repository.AggregateTable;

/**
 * Reads what the recommender ranks from the feature tables the transform keeps: a customer's history
 * ({@code curated.<pipeline>_customer_products}), the co-purchase counts of some products
 * ({@code curated.<pipeline>_co_purchases}) and the best sellers, overall or of a region (from the aggregate). Table names come from a checked pipeline name and are
 * quoted.
 */
@ApplicationScoped
public class RecommendationRepository {

    /** A customer's products; far more than anyone buys, so that a runaway history cannot exhaust memory. */
    static final int MAX_HISTORY = 10_000;

    private static final String HISTORY = """
            select product, orders from %s where customer = ? order by orders desc, product limit ?
            """;
    private static final String PAIRS = """
            select product, other_product, orders from %s where product = any(?) and orders >= ?
            """;
    /** The products in most orders, and those asked for by name, with their orders; one pass over the table. */
    private static final String BEST_SELLERS = """
            with totals as (select product, sum(orders)::bigint as orders from %s group by product)
            (select product, orders from totals order by orders desc, product limit ?)
            union
            select product, orders from totals where product = any(?)
            order by orders desc, product
            """;

    private static final String PIPELINE_DOCUMENT = """
            select document, media_type from catalog.pipeline_version where name = ? order by version desc limit 1
            """;
    /** Sums the order lines of a product dimension of the aggregate in one region. */
    private static final String REGIONAL_BEST_SELLERS = """
            select %1$s::text, sum(%3$s)::bigint from %4$s where %2$s::text = ? and %1$s is not null
            group by 1 having sum(%3$s) > 0 order by 2 desc, 1 limit ?
            """;

    private final AgroalDataSource dataSource;

    public RecommendationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the customer bought, most ordered first. */
    public List<Recommender.Purchase> history(String pipeline, String customer) {
        String table = CuratedTables.customerProducts(pipeline);
        return rows(HISTORY.formatted(quoted(table)), table, (connection, query) -> {
            query.setString(1, customer);
            query.setInt(2, MAX_HISTORY);
        }, result -> new Recommender.Purchase(result.getString(1), result.getLong(2)));
    }

    /** The co-purchase counts of these products with every other product, of pairs in {@code minOrders} or more. */
    public List<Recommender.Pair> pairs(String pipeline, Collection<String> products, int minOrders) {
        if (products.isEmpty()) {
            return List.of();
        }
        String table = CuratedTables.coPurchases(pipeline);
        return rows(PAIRS.formatted(quoted(table)), table,
                (connection, query) -> {
                    query.setArray(1, connection.createArrayOf("text", products.toArray()));
                    query.setInt(2, minOrders);
                }, result -> new Recommender.Pair(result.getString(1), result.getString(2), result.getLong(3)));
    }

    /**
     * The products in most orders over all customers, most first, and beside them these {@code products}
     * (those co-purchases reach) with their orders.
     */
    public List<Recommender.Sales> bestSellers(String pipeline, int limit, Collection<String> products) {
        String table = CuratedTables.customerProducts(pipeline);
        return rows(BEST_SELLERS.formatted(quoted(table)), table, (connection, query) -> {
            query.setInt(1, limit);
            query.setArray(2, connection.createArrayOf("text", products.toArray()));
        }, result -> Recommender.Sales.overall(result.getString(1), result.getLong(2)));
    }

    /**
     * The column that names the product in the pipeline's current version ({@code features.product}), if it declares
     * features.
     */
    public Optional<String> productColumn(String pipeline) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(PIPELINE_DOCUMENT)) {
            query.setString(1, pipeline);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                JsonNode product = DocumentFormat.of(result.getString(2))
                        .read(result.getString(1), "pipeline",
                                problems -> new IllegalStateException("pipeline " + pipeline + ": " + problems))
                        .path("features").path("product");
                return product.isTextual() ? Optional.of(product.asText()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pipeline " + pipeline + ": " + e.getMessage(), e);
        }
    }

    /**
     * The products on most order lines of one region, most first, from the pipeline's aggregate.
     *
     * @param product a dimension of the aggregate that names the product
     * @param regionDimension a dimension of the aggregate that names the region
     */
    public List<Recommender.Sales> bestSellersIn(AggregateTable aggregate, String product, String regionDimension,
            String region, int limit) {
        String statement = REGIONAL_BEST_SELLERS.formatted(identifier(product), identifier(regionDimension),
                identifier(AggregateLayout.LINES), quoted(aggregate.table()));
        return rows(statement, aggregate.table(), (connection, query) -> {
            query.setString(1, region);
            query.setInt(2, limit);
        }, result -> Recommender.Sales.inRegion(result.getString(1), result.getLong(2), region));
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement query) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    /** The rows of a statement that reads the curated {@code table}. */
    private <T> List<T> rows(String statement, String table, Binder binder, RowReader<T> reader) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(statement)) {
            binder.bind(connection, query);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
        } catch (SQLException e) {
            throw unreadable(table, e);
        }
        return rows;
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String quoted(String name) {
        return CuratedTables.SCHEMA + ".\"" + name.replace("\"", "\"\"") + '"';
    }

    private static IllegalStateException unreadable(String table, SQLException e) {
        return new IllegalStateException("could not read " + CuratedTables.qualified(table) + ": " + e.getMessage(), e);
    }
}
