package io.tributary.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.tributary.catalog.document.VersionedDocument;

/** One version of a transform pipeline's definition, as received (YAML or JSON). */
@Entity
@Table(schema = "catalog", name = "pipeline_version")
public class PipelineVersionEntity implements VersionedDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** 1, 2, 3... per pipeline; the highest is the current one. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String dataset;

    /** FACT or REFERENCE. */
    @Column(nullable = false)
    public String kind;

    /** The document as it was sent. */
    @Column(nullable = false)
    public String document;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    /**
     * The layout of the pipeline's aggregate ({@link io.tributary.catalog.curated.AggregateLayout} as JSON) as this
     * version created it; null when the version declares no aggregate.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "aggregate_layout", columnDefinition = "jsonb")
    public String aggregateLayout;

    /**
     * For each curated column, the fields it is computed from (a JSON object of arrays; {@code reference.column} for a
     * column looked up in a reference pipeline), as this version compiled; null for versions stored before it was kept.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "column_lineage", columnDefinition = "jsonb")
    public String columnLineage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Override
    public int versionNumber() {
        return version;
    }

    @Override
    public String sentText() {
        return document;
    }

    @Override
    public String sentMediaType() {
        return mediaType;
    }
}
