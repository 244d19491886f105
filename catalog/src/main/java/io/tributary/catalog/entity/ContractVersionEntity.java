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

/** One accepted version of a dataset's ODCS contract, stored as the JSON form of the document received. */
@Entity
@Table(schema = "catalog", name = "contract_version")
public class ContractVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String dataset;

    /** Catalog version: 1, 2, 3... per dataset. */
    @Column(nullable = false)
    public int version;

    /** The contract's own {@code id}. */
    @Column(name = "contract_id", nullable = false)
    public String contractId;

    /** The contract's own {@code version} string. */
    @Column(name = "contract_label", nullable = false)
    public String contractLabel;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
