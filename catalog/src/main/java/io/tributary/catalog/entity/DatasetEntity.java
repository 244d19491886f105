package io.tributary.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "catalog", name = "dataset")
public class DatasetEntity {

    @Id
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
