package io.tributary.serving.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.CuratedTables;

/**
 * Reads what the recommender ranks from the feature tables the transform keeps: a customer's history
 * ({@code curated.<pipeline>_customer_products}), the co-purchase counts of some products
 * ({@code curated.<pipeline>_co_purchases}) and the best sellers. Table names come from a checked pipeline name and are
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
            select product, other_product, orders from %s where product = any(?)
            """;
    private static final String BEST_SELLERS = """
            select product, sum(orders)::bigint as orders from %s group by product order by orders desc, product limit ?
            """;

    private final AgroalDataSource dataSource;

    public RecommendationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the customer bought, most ordered first. */
    public List<Recommender.Purchase> history(String pipeline, String customer) {
        String table = CuratedTables.customerProducts(pipeline);
        List<Recommender.Purchase> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HISTORY.formatted(quoted(table)))) {
            query.setString(1, customer);
            query.setInt(2, MAX_HISTORY);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Recommender.Purchase(result.getString(1), result.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw unreadable(table, e);
        }
        return rows;
    }

    /** The co-purchase counts of these products with every other product. */
    public List<Recommender.Pair> pairs(String pipeline, Collection<String> products) {
        String table = CuratedTables.coPurchases(pipeline);
        List<Recommender.Pair> rows = new ArrayList<>();
        if (products.isEmpty()) {
            return rows;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(PAIRS.formatted(quoted(table)))) {
            query.setArray(1, connection.createArrayOf("text", products.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Recommender.Pair(result.getString(1), result.getString(2), result.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw unreadable(table, e);
        }
        return rows;
    }

    /** The products in most orders over all customers, most first. */
    public List<Recommender.Sales> bestSellers(String pipeline, int limit) {
        String table = CuratedTables.customerProducts(pipeline);
        List<Recommender.Sales> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BEST_SELLERS.formatted(quoted(table)))) {
            query.setInt(1, limit);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Recommender.Sales(result.getString(1), result.getLong(2), ""));
                }
            }
        } catch (SQLException e) {
            throw unreadable(table, e);
        }
        return rows;
    }

    private static String quoted(String name) {
        return CuratedTables.SCHEMA + ".\"" + name.replace("\"", "\"\"") + '"';
    }

    private static IllegalStateException unreadable(String table, SQLException e) {
        return new IllegalStateException("could not read " + CuratedTables.qualified(table) + ": " + e.getMessage(), e);
    }
}
