package io.tributary.catalog.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tributary.catalog.entity.SchemaVersionEntity;

@ApplicationScoped
public class SchemaVersionRepository implements PanacheRepository<SchemaVersionEntity> {

    public Optional<SchemaVersionEntity> findByFingerprint(String dataset, String fingerprint) {
        return find("dataset = ?1 and fingerprint = ?2", dataset, fingerprint).firstResultOptional();
    }

    public int nextVersion(String dataset) {
        Integer max = getEntityManager()
                .createQuery("select max(s.version) from SchemaVersionEntity s where s.dataset = ?1", Integer.class)
                .setParameter(1, dataset)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
