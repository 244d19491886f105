package io.tributary.catalog.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

@Entity
@Table(schema = "catalog", name = "source")
public class SourceEntity {

    public enum Format {
        CSV,
        JSON,
        NDJSON
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(nullable = false)
    public String dataset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Format format;

    /** IANA zone in which the source writes local dates and times. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    // JSON values here are replaced whole, never changed in place: Hibernate keeps no copy of them to compare
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    @Mutability(Immutability.class)
    public Map<String, String> options = Map.of();

    /** File column name → the contract column it stands for, accepted by an operator after a rename. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "column_aliases", nullable = false, columnDefinition = "jsonb")
    @Mutability(Immutability.class)
    public Map<String, String> columnAliases = Map.of();

    /** Contract property → the date-time pattern this source now writes it in. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    @Mutability(Immutability.class)
    public Map<String, String> formats = Map.of();

    /** Share of quarantined records (0..1) above which a batch is held whole; null when never. */
    @Column(name = "max_quarantine_share")
    public BigDecimal maxQuarantineShare;

    /** A folder watched for this source's files, or null. */
    @Column(name = "drop_folder")
    public String dropFolder;

    /** A Kafka topic this source's system publishes JSON events to, or null. */
    public String topic;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();
}
