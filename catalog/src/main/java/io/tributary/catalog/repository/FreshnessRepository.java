package io.tributary.catalog.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tributary.catalog.entity.FreshnessWatermarkEntity;

@ApplicationScoped
public class FreshnessRepository implements PanacheRepositoryBase<FreshnessWatermarkEntity, String> {

    public Optional<FreshnessWatermarkEntity> findByTable(String tableName) {
        return findByIdOptional(tableName);
    }
}
