package io.tributary.serving.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.serving.api.CoPurchaseResponse;
import io.tributary.serving.api.PurchaseHistoryResponse;

/**
 * Reads the recommender's features a pipeline keeps: {@code curated.<pipeline>_customer_products} and
 * {@code curated.<pipeline>_co_purchases}. Table names come from a checked pipeline name and are quoted.
 */
@ApplicationScoped
public class FeatureRepository {

    private final AgroalDataSource dataSource;

    public FeatureRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the pipeline keeps features. */
    public boolean hasFeatures(String pipeline) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from information_schema.tables "
                        + "where table_schema = 'curated' and table_name in (?, ?)")) {
            query.setString(1, pipeline + "_customer_products");
            query.setString(2, pipeline + "_co_purchases");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 2;
            }
        }
    }

    public List<PurchaseHistoryResponse.Purchase> purchases(String pipeline, String customer, int limit)
            throws SQLException {
        List<PurchaseHistoryResponse.Purchase> purchases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select product, orders, quantity, "
                        + "last_event::text from curated.\"" + pipeline + "_customer_products\" where customer = ? "
                        + "order by orders desc, product limit ?")) {
            query.setString(1, customer);
            query.setInt(2, limit);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    purchases.add(new PurchaseHistoryResponse.Purchase(r.getString(1), r.getLong(2),
                            r.getBigDecimal(3), r.getString(4)));
                }
            }
        }
        return purchases;
    }

    public List<CoPurchaseResponse.Pair> boughtWith(String pipeline, String product, int limit) throws SQLException {
        List<CoPurchaseResponse.Pair> pairs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select other_product, orders from curated.\""
                        + pipeline + "_co_purchases\" where product = ? order by orders desc, other_product limit ?")) {
            query.setString(1, product);
            query.setInt(2, limit);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    pairs.add(new CoPurchaseResponse.Pair(r.getString(1), r.getLong(2)));
                }
            }
        }
        return pairs;
    }
}
