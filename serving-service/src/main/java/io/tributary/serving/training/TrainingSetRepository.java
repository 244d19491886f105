package io.tributary.serving.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.document.DocumentFormat;

/**
 * Reads a training set from a pipeline's curated table through a cursor: the rows are fetched a few hundred at a
 * time and handed on one by one, so that a set of any size passes in constant memory.
 */
@ApplicationScoped
public class TrainingSetRepository {

    /** Rows fetched from the cursor at a time. */
    static final int FETCH_SIZE = 500;

    private static final String PIPELINE_DOCUMENT = """
            select document, media_type from catalog.pipeline_version where name = ? order by version desc limit 1
            """;
    private static final String HAS_TABLE = """
            select count(*) from information_schema.tables where table_schema = ? and table_name = ?
            """;

    /** Takes the rows of a training set, each as its values in the order of {@link TrainingSetQuery#COLUMNS}. */
    public interface RowSink {
        void accept(Object[] values) throws IOException;
    }

    private final AgroalDataSource dataSource;

    public TrainingSetRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The fields of the pipeline's current version that name the customer, order, product, quantity and time, if it
     * declares features and its curated table exists.
     */
    public Optional<TrainingSetSource> source(String pipeline) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement document = connection.prepareStatement(PIPELINE_DOCUMENT);
                PreparedStatement table = connection.prepareStatement(HAS_TABLE)) {
            document.setString(1, pipeline);
            JsonNode definition;
            try (ResultSet result = document.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                definition = DocumentFormat.of(result.getString(2)).read(result.getString(1), "pipeline",
                        problems -> new IllegalStateException("pipeline " + pipeline + ": " + problems));
            }
            JsonNode features = definition.path("features");
            String customer = text(features, "customer");
            String order = text(features, "order");
            String product = text(features, "product");
            if (customer == null || order == null || product == null) {
                return Optional.empty();
            }
            table.setString(1, CuratedTables.SCHEMA);
            table.setString(2, CuratedTables.curated(pipeline));
            try (ResultSet result = table.executeQuery()) {
                result.next();
                if (result.getInt(1) == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(new TrainingSetSource(pipeline, customer, order, product, text(features, "quantity"),
                    text(definition, "eventTime")));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pipeline " + pipeline + ": " + e.getMessage(), e);
        }
    }

    /** Hands each row of the training set over orders placed in [from, to) to the sink, in order time. */
    public void stream(TrainingSetSource source, Instant from, Instant to, RowSink sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                read(connection, source, from, to, sink);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("could not read the training set of "
                    + CuratedTables.qualified(source.pipeline()) + ": " + e.getMessage(), e));
        }
    }

    private static void read(Connection connection, TrainingSetSource source, Instant from, Instant to,
            RowSink sink) throws SQLException, IOException {
        try (Statement zone = connection.createStatement()) {
            // Times are written, and dates compared with the bounds, in UTC.
            zone.execute("set local time zone 'UTC'");
        }
        try (PreparedStatement query = connection.prepareStatement(TrainingSetQuery.sql(source),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            String lower = from == null ? null : from.toString();
            String upper = to == null ? null : to.toString();
            query.setString(1, lower);
            query.setString(2, lower);
            query.setString(3, upper);
            query.setString(4, upper);
            int columns = TrainingSetQuery.COLUMNS.size();
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
