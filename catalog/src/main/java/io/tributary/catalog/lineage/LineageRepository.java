package io.tributary.catalog.lineage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.openlineage.client.OpenLineage.RunEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** The catalog's store of OpenLineage run events, written by every service. */
@ApplicationScoped
public class LineageRepository implements PanacheRepository<LineageEventEntity> {

    /**
     * One run event and the datasets it names, in one statement: the event's row, then a row per dataset with the
     * event's new id.
     */
    private static final String INSERT = """
            with event as (
                insert into catalog.lineage_event
                    (run_id, event_type, event_time, job_namespace, job_name, event, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)
                returning id)
            insert into catalog.lineage_dataset (event_id, role, namespace, name)
            select event.id, dataset.role, dataset.namespace, dataset.name
            from event, unnest(?::varchar[], ?::varchar[], ?::text[]) as dataset (role, namespace, name)
            """;

    private final DataSource dataSource;

    public LineageRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public LineageEventEntity record(RunEvent event) {
        LineageEventEntity entity = LineageEventEntity.of(event);
        persist(entity);
        return entity;
    }

    /**
     * Stores the events as {@link #record} does, each in one statement and all of them in one round trip to the
     * database, in the caller's transaction: the rows are the same as {@link #record}'s.
     */
    public void insert(List<RunEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (RunEvent event : events) {
                LineageEventEntity row = LineageEventEntity.of(event);
                insert.setObject(1, row.runId);
                insert.setString(2, row.eventType);
                insert.setObject(3, row.eventTime.atOffset(ZoneOffset.UTC));
                insert.setString(4, row.jobNamespace);
                insert.setString(5, row.jobName);
                insert.setString(6, row.event);
                insert.setObject(7, row.createdAt.atOffset(ZoneOffset.UTC));
                Set<LineageDatasetRef> datasets = row.datasets;
                insert.setArray(8, connection.createArrayOf("varchar",
                        datasets.stream().map(d -> d.role.name()).toArray()));
                insert.setArray(9, connection.createArrayOf("varchar",
                        datasets.stream().map(d -> d.namespace).toArray()));
                insert.setArray(10, connection.createArrayOf("text", datasets.stream().map(d -> d.name).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether the run has an event of this type; a query whose plan Hibernate keeps, unlike a count's. */
    public boolean hasEvent(UUID runId, RunEvent.EventType type) {
        return !getEntityManager().createQuery("select e.id from LineageEventEntity e where e.runId = ?1 "
                + "and e.eventType = ?2", Long.class)
                .setParameter(1, runId)
                .setParameter(2, type.name())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** A run's events in the order they happened. */
    public List<LineageEventEntity> listByRun(UUID runId) {
        return list("runId", Sort.by("eventTime").and("id"), runId);
    }

    /** Events matching the query, newest first. */
    public List<LineageEventEntity> search(LineageQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (query.jobNamespace() != null) {
            conditions.add("e.jobNamespace = :jobNamespace");
            parameters.put("jobNamespace", query.jobNamespace());
        }
        if (query.jobName() != null) {
            conditions.add("e.jobName = :jobName");
            parameters.put("jobName", query.jobName());
        }
        if (query.runId() != null) {
            conditions.add("e.runId = :runId");
            parameters.put("runId", query.runId());
        }
        if (query.datasetName() != null) {
            StringBuilder dataset = new StringBuilder("exists (select 1 from e.datasets d where d.name = :datasetName");
            parameters.put("datasetName", query.datasetName());
            if (query.datasetNamespace() != null) {
                dataset.append(" and d.namespace = :datasetNamespace");
                parameters.put("datasetNamespace", query.datasetNamespace());
            }
            if (query.role() != null) {
                dataset.append(" and d.role = :role");
                parameters.put("role", query.role());
            }
            conditions.add(dataset.append(')').toString());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return find("from LineageEventEntity e" + where + " order by e.eventTime desc, e.id desc", parameters)
                .range(0, query.limit() - 1)
                .list();
    }
}
