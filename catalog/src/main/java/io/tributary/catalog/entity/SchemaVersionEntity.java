package io.tributary.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(schema = "catalog", name = "schema_version")
public class SchemaVersionEntity {

    public enum Origin {
        CONTRACT,
        OBSERVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String dataset;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    /** SHA-256 of the field list, so the same schema is recorded once. */
    @Column(nullable = false)
    public String fingerprint;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String fields;

    /**
     * For an observed schema, what each field's values looked like in its batches (JSON: field name → ranges, lengths,
     * formats, distinct counts), kept by ingestion for its drift evidence; null until a batch of it completes.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String profile;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
