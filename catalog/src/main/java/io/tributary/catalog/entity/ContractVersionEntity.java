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

import io.tributary.catalog.document.DocumentFormat;
import io.tributary.catalog.document.VersionedDocument;

/**
 * One accepted version of a dataset's ODCS contract: the JSON form of the document received, which the services read,
 * and the document as it was sent.
 */
@Entity
@Table(schema = "catalog", name = "contract_version")
public class ContractVersionEntity implements VersionedDocument {

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

    /** The JSON form of the document. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    /** The document as it was sent; null for versions stored before it was kept. */
    @Column(name = "text")
    public String text;

    /** The media type the document was sent as. */
    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Override
    public int versionNumber() {
        return version;
    }

    /** The text as sent, or for a version stored before it was kept, its JSON form. */
    @Override
    public String sentText() {
        return text == null ? document : text;
    }

    @Override
    public String sentMediaType() {
        return text == null ? DocumentFormat.APPLICATION_JSON : mediaType;
    }
}
