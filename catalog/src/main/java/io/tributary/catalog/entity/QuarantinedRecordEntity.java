package io.tributary.catalog.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record held back at the door, with where it came from and why. */
@Entity
@Table(schema = "catalog", name = "quarantined_record")
public class QuarantinedRecordEntity {

    public static final String INGESTION = "ingestion";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(nullable = false)
    public String dataset;

    /** Line number in the file (1 = header). */
    @Column(nullable = false)
    public long position;

    /** The position of the item of an exploded JSON array the record was, from 1; null when it was no item. */
    public Integer item;

    /** How many items that array held; null when the record was no item. */
    public Integer items;

    public String field;

    @Column(nullable = false)
    public String rule;

    public String value;

    @Column(nullable = false)
    public String reason;

    /** The record's text as it came; a character no text column can hold (U+0000) is shown as its escape. */
    @Column(nullable = false)
    public String raw;

    /** The record's text exactly, as UTF-8, when {@link #raw} had to escape a character of it; else null. */
    @Column(name = "raw_exact")
    public byte[] rawExact;

    /** {@code ingestion}, or {@code pipeline:<name>} for a record a transform pipeline could not process. */
    @Column(nullable = false)
    public String stage = INGESTION;

    /**
     * For a pipeline's record, where it failed: {@code input}, {@code step <n>}, {@code output}, {@code evaluation}, or
     * {@code store} when PostgreSQL refused its row; null for ingestion.
     */
    public String step;

    /** PostgreSQL's SQLSTATE when the database refused the record's row, else null. */
    @Column(name = "sql_state")
    public String sqlState;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
