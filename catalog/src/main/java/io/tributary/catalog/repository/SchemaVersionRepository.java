package io.tributary.catalog.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tributary.catalog.entity.SchemaVersionEntity;
import io.tributary.catalog.event.EventJson;

@ApplicationScoped
public class SchemaVersionRepository implements PanacheRepository<SchemaVersionEntity> {

    public Optional<SchemaVersionEntity> findByFingerprint(String dataset, String fingerprint) {
        return find("dataset = ?1 and fingerprint = ?2", dataset, fingerprint).firstResultOptional();
    }

    /** Records a field list seen in the data as the dataset's next schema version, unless it is known already. */
    public void recordObserved(String dataset, List<String> fields) {
        String json = json(fields);
        recordIfNew(dataset, SchemaVersionEntity.Origin.OBSERVED, sha256(json), json);
    }

    /** The observed schema version of this field list, locked until the transaction ends, if it was recorded. */
    public Optional<SchemaVersionEntity> findObservedForUpdate(String dataset, List<String> fields) {
        return find("dataset = ?1 and fingerprint = ?2 and origin = ?3", dataset, sha256(json(fields)),
                SchemaVersionEntity.Origin.OBSERVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The dataset's most recent observed schema versions, newest first. */
    public List<SchemaVersionEntity> recentObserved(String dataset, int limit) {
        return find("dataset = ?1 and origin = ?2 order by version desc", dataset, SchemaVersionEntity.Origin.OBSERVED)
                .page(0, limit)
                .list();
    }

    private static String json(List<String> fields) {
        return new String(EventJson.write(fields), StandardCharsets.UTF_8);
    }

    /**
     * Records a field list as the dataset's next schema version unless one with this fingerprint exists. Concurrent
     * callers (batches of one dataset, a contract upload) take turns on the dataset, so neither the fingerprint nor
     * the version number is ever taken twice.
     */
    public void recordIfNew(String dataset, SchemaVersionEntity.Origin origin, String fingerprint, String fieldsJson) {
        if (findByFingerprint(dataset, fingerprint).isPresent()) {
            // the common case, a known schema: versions are never removed, so no turn needs to be taken
            return;
        }
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('catalog.schema_version:' || ?1))")
                .setParameter(1, dataset).getSingleResult();
        if (findByFingerprint(dataset, fingerprint).isPresent()) {
            return;
        }
        SchemaVersionEntity schema = new SchemaVersionEntity();
        schema.dataset = dataset;
        schema.version = nextVersion(dataset);
        schema.origin = origin;
        schema.fingerprint = fingerprint;
        schema.fields = fieldsJson;
        persist(schema);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private int nextVersion(String dataset) {
        Integer max = getEntityManager()
                .createQuery("select max(s.version) from SchemaVersionEntity s where s.dataset = ?1", Integer.class)
                .setParameter(1, dataset)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
