package io.tributary.transform.curated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Which pipeline owns each curated table name, in {@code catalog.curated_table_owner}; in the caller's transaction. */
@ApplicationScoped
public class TableOwnerRepository {

    private static final String CLAIM = """
            insert into catalog.curated_table_owner (table_name, pipeline) values (?, ?)
            on conflict (table_name) do nothing""";
    private static final String OWNERS = """
            select table_name, pipeline from catalog.curated_table_owner where table_name = any (?)""";

    private final AgroalDataSource dataSource;

    public TableOwnerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the names that nobody owns for the pipeline, and returns the owner of each name afterwards: the pipeline
     * itself, or whoever claimed it first. A claim is undone with the caller's transaction.
     */
    public Map<String, String> claim(String pipeline, List<String> tables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                for (String table : tables) {
                    claim.setString(1, table);
                    claim.setString(2, pipeline);
                    claim.addBatch();
                }
                claim.executeBatch();
            }
            Map<String, String> owners = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(OWNERS)) {
                query.setArray(1, connection.createArrayOf("text", tables.toArray()));
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        owners.put(result.getString(1), result.getString(2));
                    }
                }
            }
            return owners;
        }
    }
}
