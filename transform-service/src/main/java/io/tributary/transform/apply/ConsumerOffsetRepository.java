package io.tributary.transform.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Where a consumer is in a topic, per partition, written in the same transaction as what it applied: a redelivered
 * record is below the stored offset and is skipped.
 */
@ApplicationScoped
public class ConsumerOffsetRepository {

    private final AgroalDataSource dataSource;

    public ConsumerOffsetRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The next offset to apply of each of these partitions, locked until the transaction ends. A partition never
     * applied before gets its row first (offset 0), so that it is locked too: two instances handed the same poll of a
     * new partition around a rebalance apply it one after the other, and the second finds it applied. One statement
     * does both: a row that exists is locked by an update that leaves it as it is, and {@code returning} gives its
     * offset as committed by whoever held it before (a statement that waited for a lock works on the row's latest
     * version).
     */
    public Map<Integer, Long> lock(String consumer, String topic, Collection<Integer> partitions)
            throws SQLException {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("""
                        insert into catalog.consumer_offset as o (consumer, topic, partition, next_offset)
                        select ?, ?, p, 0 from unnest(?::integer[]) p order by p
                        on conflict (consumer, topic, partition) do update set next_offset = o.next_offset
                        returning partition, next_offset
                        """)) {
            lock.setString(1, consumer);
            lock.setString(2, topic);
            lock.setArray(3, connection.createArrayOf("integer", partitions.stream().distinct().sorted().toArray()));
            try (ResultSet result = lock.executeQuery()) {
                while (result.next()) {
                    offsets.put(result.getInt(1), result.getLong(2));
                }
            }
        }
        return offsets;
    }

    /** Every partition's next offset. */
    public Map<Integer, Long> all(String consumer, String topic) throws SQLException {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select partition, next_offset from "
                        + "catalog.consumer_offset where consumer = ? and topic = ?")) {
            query.setString(1, consumer);
            query.setString(2, topic);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    offsets.put(result.getInt(1), result.getLong(2));
                }
            }
        }
        return offsets;
    }

    public void advance(String consumer, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        write(consumer, topic, nextOffsets, "greatest(o.next_offset, excluded.next_offset)");
    }

    /**
     * Sets the next offsets to these, behind the stored ones too: a backlog build's swap (what the live consumers
     * applied after them went to the tables it replaced) or a build handing its records back to the live path.
     */
    public void set(String consumer, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        write(consumer, topic, nextOffsets, "excluded.next_offset");
    }

    private void write(String consumer, String topic, Map<Integer, Long> nextOffsets, String next)
            throws SQLException {
        if (nextOffsets.isEmpty()) {
            return;
        }
        List<Map.Entry<Integer, Long>> entries = new ArrayList<>(nextOffsets.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into catalog.consumer_offset as o "
                        + "(consumer, topic, partition, next_offset) select ?, ?, * from unnest(?::integer[], "
                        + "?::bigint[]) on conflict (consumer, topic, partition) do update set next_offset = "
                        + next)) {
            upsert.setString(1, consumer);
            upsert.setString(2, topic);
            upsert.setArray(3, connection.createArrayOf("integer", entries.stream().map(Map.Entry::getKey)
                    .toArray()));
            upsert.setArray(4, connection.createArrayOf("bigint", entries.stream().map(Map.Entry::getValue)
                    .toArray()));
            upsert.executeUpdate();
        }
    }
}
