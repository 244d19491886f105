package io.tributary.catalog.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** One unit of intake. Once completed: received = accepted + quarantined + duplicates. */
@Entity
@Table(schema = "catalog", name = "ingestion_batch")
public class BatchEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String dataset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BatchStatus status;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "landing_path", nullable = false)
    public String landingPath;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "contract_version")
    public Integer contractVersion;

    public long received;
    public long accepted;
    public long quarantined;
    public long duplicates;

    public String error;

    /**
     * The field names the input came with (a file's header). Replaced whole, never changed in place: Hibernate keeps
     * no copy of it to compare.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class)
    public List<String> fields;

    /** How the input's fields differ from the contract, when they do. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String drift;

    /** How many fields of the input the contract does not declare, and so were not carried on. */
    @Column(name = "dropped_fields", nullable = false)
    public int droppedFields;

    /** Why the batch waits for an operator, when it does. */
    @Column(name = "hold_reason")
    public String holdReason;

    /** An operator let the batch through as it is: it is not held again. */
    public boolean released;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "started_at")
    public Instant startedAt;

    /** The instance of the ingestion service that processed it last (decision 33). */
    @Column(name = "processed_by")
    public String processedBy;

    @Column(name = "completed_at")
    public Instant completedAt;
}
