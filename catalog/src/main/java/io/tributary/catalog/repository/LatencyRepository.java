package io.tributary.catalog.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.latency.LatencyBuckets;

/**
 * Per pipeline and minute, how long records took until the pipeline had applied them ({@code catalog.pipeline_latency}):
 * written by the transform service in the transaction that applies them, read by the requirements service.
 */
@ApplicationScoped
public class LatencyRepository {

    /** What a latency is measured from. */
    public enum Basis {
        /** When ingestion accepted the record. */
        ARRIVAL,
        /** The record's own event time. */
        EVENT_TIME
    }

    private static final String ADD = """
            insert into catalog.pipeline_latency as l (pipeline, minute, basis, bucket, count)
            select ?, ?, ?, b, c from unnest(?::smallint[], ?::bigint[]) as t (b, c)
            on conflict (pipeline, minute, basis, bucket) do update set count = l.count + excluded.count
            """;
    private static final String COUNTS = """
            select bucket, sum(count) from catalog.pipeline_latency
            where pipeline = ? and basis = ? and minute >= ? and minute < ?
            group by bucket
            """;

    private final AgroalDataSource dataSource;

    public LatencyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds counts by bucket to the pipeline's row of the minute {@code at} falls in. */
    public void add(String pipeline, Instant at, Basis basis, long[] counts) throws SQLException {
        List<Short> buckets = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int bucket = 0; bucket < counts.length; bucket++) {
            if (counts[bucket] > 0) {
                buckets.add((short) bucket);
                values.add(counts[bucket]);
            }
        }
        if (buckets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, pipeline);
            add.setTimestamp(2, Timestamp.from(at.truncatedTo(ChronoUnit.MINUTES)));
            add.setString(3, basis.name());
            add.setArray(4, connection.createArrayOf("smallint", buckets.toArray()));
            add.setArray(5, connection.createArrayOf("bigint", values.toArray()));
            add.executeUpdate();
        }
    }

    /** Counts by bucket of the minutes starting within [from, to). */
    public long[] counts(String pipeline, Basis basis, Instant from, Instant to) throws SQLException {
        long[] counts = new long[LatencyBuckets.COUNT];
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(COUNTS)) {
            query.setString(1, pipeline);
            query.setString(2, basis.name());
            query.setTimestamp(3, Timestamp.from(from));
            query.setTimestamp(4, Timestamp.from(to));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int bucket = result.getInt(1);
                    if (bucket >= 0 && bucket < counts.length) {
                        counts[bucket] += result.getLong(2);
                    }
                }
            }
        }
        return counts;
    }
}
