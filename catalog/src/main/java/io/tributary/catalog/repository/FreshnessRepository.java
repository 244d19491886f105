package io.tributary.catalog.repository;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tributary.catalog.entity.FreshnessWatermarkEntity;

@ApplicationScoped
public class FreshnessRepository implements PanacheRepositoryBase<FreshnessWatermarkEntity, String> {

    public Optional<FreshnessWatermarkEntity> findByTable(String tableName) {
        return findByIdOptional(tableName);
    }

    /** Moves the table's watermark forward to {@code currentAsOf}, never back. */
    public void advance(String tableName, Instant currentAsOf) {
        getEntityManager().createNativeQuery("""
                insert into catalog.freshness_watermark as w (table_name, current_as_of, updated_at)
                values (?1, ?2, now())
                on conflict (table_name) do update
                    set current_as_of = greatest(w.current_as_of, excluded.current_as_of),
                        updated_at = excluded.updated_at
                """).setParameter(1, tableName).setParameter(2, currentAsOf).executeUpdate();
    }
}
