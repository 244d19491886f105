package io.tributary.catalog.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tributary.catalog.entity.QuarantinedRecordEntity;

@ApplicationScoped
public class QuarantineRepository implements PanacheRepository<QuarantinedRecordEntity> {

    public long deleteByBatch(UUID batchId) {
        return delete("batchId", batchId);
    }
}
