package io.tributary.transform.curated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.transform.pipeline.FieldType;

/** The columns a curated table has now, as PostgreSQL's information schema names their types. */
public final class TableColumns {

    private TableColumns() {
    }

    public static Map<String, String> of(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select column_name, data_type from "
                + "information_schema.columns where table_schema = ? and table_name = ? "
                + "order by ordinal_position")) {
            query.setString(1, CuratedTables.SCHEMA);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    columns.put(result.getString(1), result.getString(2));
                }
            }
        }
        return columns;
    }

    public static String typeName(FieldType type) {
        return switch (type) {
            case TIMESTAMP -> "timestamp with time zone";
            default -> type.sqlType();
        };
    }
}
