package io.tributary.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;

@ApplicationScoped
public class BatchRepository implements PanacheRepositoryBase<BatchEntity, UUID> {

    public List<UUID> listUnfinishedIds() {
        return getEntityManager()
                .createQuery("select b.id from BatchEntity b where b.status in ?1 order by b.createdAt", UUID.class)
                .setParameter(1, List.of(BatchStatus.RECEIVED, BatchStatus.PROCESSING))
                .getResultList();
    }
}
