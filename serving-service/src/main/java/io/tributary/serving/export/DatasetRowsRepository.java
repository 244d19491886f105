package io.tributary.serving.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.CuratedTables;

/**
 * Reads a pipeline's curated rows {@code curated.<pipeline>} in key order, a page at a time. The rows of a page pass
 * through a cursor, {@link #FETCH_SIZE} at a time, so that a page of any size is written in constant memory. Only
 * rows whose status is {@code curated} are read, and only the pipeline's own columns (Tributary's start with
 * {@code _}).
 */
@ApplicationScoped
public class DatasetRowsRepository {

    /** Rows fetched from PostgreSQL at a time. */
    static final int FETCH_SIZE = 500;

    private static final String DECLARED = """
            select exists (select 1 from catalog.pipeline_version where name = ?)
            """;
    private static final String COLUMNS = """
            select column_name, data_type from information_schema.columns
            where table_schema = ? and table_name = ?
            order by ordinal_position
            """;
    /** The key of the row {@code limit} rows after a key: the last row of the page that starts there. */
    private static final String PAGE_END = """
            select _key from %s where _status = 'curated' and _key > ? order by _key offset ? limit 1
            """;
    private static final String FIRST_PAGE_END = """
            select _key from %s where _status = 'curated' order by _key offset ? limit 1
            """;

    /** Takes the rows of a page one by one, each as its values in the order of the page's columns. */
    public interface RowSink {
        void accept(Object[] values) throws IOException;
    }

    private final AgroalDataSource dataSource;

    public DatasetRowsRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The output columns of a declared pipeline's curated table, in table order.
     *
     * @return empty when no pipeline of this name was declared or its table does not exist yet
     */
    public Optional<List<DatasetColumn>> columns(String pipeline) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement declared = connection.prepareStatement(DECLARED);
                PreparedStatement columns = connection.prepareStatement(COLUMNS)) {
            declared.setString(1, pipeline);
            try (ResultSet result = declared.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            columns.setString(1, CuratedTables.SCHEMA);
            columns.setString(2, CuratedTables.curated(pipeline));
            List<DatasetColumn> found = new ArrayList<>();
            boolean table = false;
            try (ResultSet result = columns.executeQuery()) {
                while (result.next()) {
                    table = true;
                    String name = result.getString(1);
                    if (!name.startsWith("_")) {
                        found.add(new DatasetColumn(name, result.getString(2)));
                    }
                }
            }
            return table ? Optional.of(found) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the columns of " + CuratedTables.qualified(pipeline)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key of the last row of the page that starts after {@code after} and holds {@code limit} rows.
     *
     * @param after the key the page starts after, or null for the first page
     * @return empty when fewer than {@code limit} rows follow, so that the page runs to the end
     */
    public Optional<String> pageEnd(String pipeline, String after, int limit) {
        String table = table(pipeline);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(after == null
                        ? FIRST_PAGE_END.formatted(table)
                        : PAGE_END.formatted(table))) {
            int parameter = 1;
            if (after != null) {
                query.setString(parameter++, after);
            }
            query.setInt(parameter, limit - 1);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + CuratedTables.qualified(pipeline) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Hands each curated row of the page to the sink as it is read, in key order: dates and times as ISO-8601 text
     * (times in UTC), numbers, booleans and text as they are.
     */
    public void stream(DatasetPage page, RowSink sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL's driver reads through a cursor only inside a transaction.
            connection.setAutoCommit(false);
            try {
                read(connection, page, sink);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("could not read " + CuratedTables.qualified(page.pipeline()) + ": "
                    + e.getMessage(), e);
        }
    }

    private static void read(Connection connection, DatasetPage page, RowSink sink) throws SQLException, IOException {
        try (Statement zone = connection.createStatement()) {
            zone.execute("set local time zone 'UTC'");
        }
        try (PreparedStatement query = connection.prepareStatement(select(page), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            int parameter = 1;
            if (page.after() != null) {
                query.setString(parameter++, page.after());
            }
            if (page.through() != null) {
                query.setString(parameter, page.through());
            }
            int columns = page.columns().size();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Object[] values = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        values[i] = result.getObject(i + 1);
                    }
                    sink.accept(values);
                }
            }
        }
    }

    /** The page's rows, every value a bind parameter, every name quoted: {@code (after, through]} by key. */
    static String select(DatasetPage page) {
        StringBuilder sql = new StringBuilder("select ");
        if (page.columns().isEmpty()) {
            sql.append("null");
        }
        for (int i = 0; i < page.columns().size(); i++) {
            DatasetColumn column = page.columns().get(i);
            String name = quote(column.name());
            sql.append(i == 0 ? "" : ", ")
                    .append(column.temporal() ? "to_json(" + name + ") #>> '{}'" : name);
        }
        sql.append(" from ").append(table(page.pipeline())).append(" where _status = 'curated'");
        if (page.after() != null) {
            sql.append(" and _key > ?");
        }
        if (page.through() != null) {
            sql.append(" and _key <= ?");
        }
        return sql.append(" order by _key").toString();
    }

    private static String table(String pipeline) {
        return quote(CuratedTables.SCHEMA) + "." + quote(CuratedTables.curated(pipeline));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
