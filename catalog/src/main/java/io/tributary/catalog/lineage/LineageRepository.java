package io.tributary.catalog.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.openlineage.client.OpenLineage.RunEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** The catalog's store of OpenLineage run events, written by every service. */
@ApplicationScoped
public class LineageRepository implements PanacheRepository<LineageEventEntity> {

    public LineageEventEntity record(RunEvent event) {
        LineageEventEntity entity = LineageEventEntity.of(event);
        persist(entity);
        return entity;
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
