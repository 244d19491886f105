package io.tributary.catalog.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.lease.Lease;

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

    /**
     * Unfinished batches that no instance holds a live lease on (decision 33), oldest first: left behind by an
     * instance that died, or not yet started by the one that received them.
     */
    public List<UUID> listUnfinishedUnleased(int limit) {
        return getEntityManager().createNativeQuery("""
                select b.id from catalog.ingestion_batch b
                where b.status in (?1, ?2)
                  and not exists (select 1 from catalog.work_lease l
                                  where l.kind = ?3 and l.key = b.id::text and l.token is not null
                                    and l.expires_at > clock_timestamp())
                order by b.created_at
                limit ?4
                """, UUID.class)
                .setParameter(1, BatchStatus.RECEIVED.name())
                .setParameter(2, BatchStatus.PROCESSING.name())
                .setParameter(3, Lease.Kind.BATCH.code())
                .setParameter(4, limit)
                .getResultList();
    }

    public List<UUID> listUnfinishedIds() {
        return getEntityManager()
                .createQuery("select b.id from BatchEntity b where b.status in ?1 order by b.createdAt", UUID.class)
                .setParameter(1, List.of(BatchStatus.RECEIVED, BatchStatus.PROCESSING))
                .getResultList();
    }
}
