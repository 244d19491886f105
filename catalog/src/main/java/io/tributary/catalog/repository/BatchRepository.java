package io.tributary.catalog.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;

@ApplicationScoped
public class BatchRepository implements PanacheRepositoryBase<BatchEntity, UUID> {

    /** The fields of the source's most recently completed batch, empty when it has none. */
    public List<String> lastCompletedFields(String source) {
        return find("source = ?1 and status = ?2 and fields is not null order by completedAt desc", source,
                BatchStatus.COMPLETED)
                .firstResultOptional()
                .map(batch -> batch.fields)
                .orElse(List.of());
    }

    /** An earlier batch of the source with the same content that was not set aside, if any. */
    public Optional<BatchEntity> findSameContent(String source, String sha256) {
        return find("source = ?1 and contentSha256 = ?2 and status not in ?3 order by createdAt", source, sha256,
                List.of(BatchStatus.FAILED, BatchStatus.REJECTED))
                .firstResultOptional();
    }

    public List<UUID> listUnfinishedIds() {
        return getEntityManager()
                .createQuery("select b.id from BatchEntity b where b.status in ?1 order by b.createdAt", UUID.class)
                .setParameter(1, List.of(BatchStatus.RECEIVED, BatchStatus.PROCESSING))
                .getResultList();
    }
}
