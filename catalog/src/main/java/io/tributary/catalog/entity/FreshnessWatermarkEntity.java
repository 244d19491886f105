package io.tributary.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How current a derived table is: the newest input it reflects, and when it last changed. */
@Entity
@Table(schema = "catalog", name = "freshness_watermark")
public class FreshnessWatermarkEntity {

    @Id
    @Column(name = "table_name")
    public String tableName;

    @Column(name = "current_as_of", nullable = false)
    public Instant currentAsOf;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
