package io.tributary.serving.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads ingestion's batches from the catalog, for the sources of a pipeline's dataset. */
@ApplicationScoped
public class DataQualityRepository {

    private static final String COLUMNS = """
            b.id, b.source, b.status, b.file_name, b.created_at, b.completed_at, b.received, b.accepted,
            b.quarantined, b.duplicates, b.hold_reason""";

    private final DataSource dataSource;

    public DataQualityRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The dataset the pipeline's newest version reads, if the pipeline is declared. */
    public Optional<String> datasetOf(String pipeline) {
        return query("select dataset from catalog.pipeline_version where name = ? order by version desc limit 1",
                statement -> statement.setString(1, pipeline), result -> result.getString(1)).stream().findFirst();
    }

    /** The names of the dataset's sources, in order. */
    public List<String> sources(String dataset) {
        return query("select name from catalog.source where dataset = ? order by name",
                statement -> statement.setString(1, dataset), result -> result.getString(1));
    }

    /** Each of the dataset's sources' {@code limit} newest batches, by source then newest first. */
    public List<Batch> latest(String dataset, int limit) {
        return query("select " + COLUMNS + """
                 from catalog.source s
                 cross join lateral (select * from catalog.ingestion_batch b where b.source = s.name
                                     order by b.created_at desc limit ?) b
                 where s.dataset = ?
                 order by b.source, b.created_at desc
                """, statement -> {
            statement.setInt(1, limit);
            statement.setString(2, dataset);
        }, DataQualityRepository::batch);
    }

    /** The dataset's batches held whole for review, oldest first. */
    public List<Batch> held(String dataset) {
        return query("select " + COLUMNS + """
                 from catalog.ingestion_batch b
                 where b.dataset = ? and b.status = 'AWAITING_REVIEW'
                 order by b.created_at
                """, statement -> statement.setString(1, dataset), DataQualityRepository::batch);
    }

    /** A batch as the catalog holds it. */
    public record Batch(UUID id, String source, String status, String fileName, OffsetDateTime createdAt,
            OffsetDateTime completedAt, long received, long accepted, long quarantined, long duplicates,
            String holdReason) {
    }

    private static Batch batch(ResultSet result) throws SQLException {
        return new Batch(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                result.getString(4), result.getObject(5, OffsetDateTime.class),
                result.getObject(6, OffsetDateTime.class), result.getLong(7), result.getLong(8), result.getLong(9),
                result.getLong(10), result.getString(11));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(reader.read(result));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read ingestion's batches from the catalog: " + e.getMessage(),
                    e);
        }
    }
}
