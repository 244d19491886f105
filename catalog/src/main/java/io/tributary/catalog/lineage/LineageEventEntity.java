package io.tributary.catalog.lineage;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;

/** One stored OpenLineage run event: the event as written, and the columns to find it by. */
@Entity
@Table(schema = "catalog", name = "lineage_event")
public class LineageEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(name = "job_namespace", nullable = false)
    public String jobNamespace;

    @Column(name = "job_name", nullable = false)
    public String jobName;

    /** The run event's JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String event;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @ElementCollection
    @CollectionTable(schema = "catalog", name = "lineage_dataset", joinColumns = @JoinColumn(name = "event_id"))
    public Set<LineageDatasetRef> datasets = new LinkedHashSet<>();

    public static LineageEventEntity of(RunEvent event) {
        LineageEventEntity entity = new LineageEventEntity();
        entity.runId = event.getRun().getRunId();
        entity.eventType = event.getEventType().name();
        entity.eventTime = event.getEventTime().toInstant();
        entity.jobNamespace = event.getJob().getNamespace();
        entity.jobName = event.getJob().getName();
        entity.event = LineageJson.write(event);
        for (InputDataset input : event.getInputs()) {
            entity.datasets.add(new LineageDatasetRef(LineageDatasetRef.Role.INPUT, input.getNamespace(),
                    input.getName()));
        }
        for (OutputDataset output : event.getOutputs()) {
            entity.datasets.add(new LineageDatasetRef(LineageDatasetRef.Role.OUTPUT, output.getNamespace(),
                    output.getName()));
        }
        return entity;
    }
}
