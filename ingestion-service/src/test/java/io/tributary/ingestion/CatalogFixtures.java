package io.tributary.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.catalog.lineage.LineageQuery;
import io.tributary.catalog.lineage.LineageRepository;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.catalog.repository.DatasetRepository;

/** Puts catalog state in place for tests the way the requirements service would. */
@ApplicationScoped
@Transactional
public class CatalogFixtures {

    private final DatasetRepository datasets;
    private final ContractVersionRepository contracts;
    private final LineageRepository lineage;

    public CatalogFixtures(DatasetRepository datasets, ContractVersionRepository contracts,
            LineageRepository lineage) {
        this.datasets = datasets;
        this.contracts = contracts;
        this.lineage = lineage;
    }

    /** A run's OpenLineage events as stored, newest first, as the requirements service answers them. */
    public List<JsonNode> lineage(String run) {
        return lineage.search(new LineageQuery(null, null, UUID.fromString(run), null, null, null,
                LineageQuery.MAX_LIMIT)).stream().map(e -> LineageJson.read(e.event)).toList();
    }

    /** Stores the YAML contract of a test resource as the dataset's first version, unless it has one already. */
    public void contract(String dataset, String resource) {
        if (contracts.findCurrent(dataset).isEmpty()) {
            newVersion(dataset, resource);
        }
    }

    /** Stores the YAML contract of a test resource as the dataset's next version. */
    public void newVersion(String dataset, String resource) {
        var document = ContractReader.parse(read(resource), ContractReader.Syntax.YAML);
        var contract = ContractReader.read(document, dataset);
        datasets.findOrCreate(dataset);
        ContractVersionEntity version = new ContractVersionEntity();
        version.dataset = dataset;
        version.version = contracts.findCurrent(dataset).map(c -> c.version + 1).orElse(1);
        version.contractId = contract.id();
        version.contractLabel = contract.version();
        version.status = contract.status();
        version.document = ContractReader.toJson(document);
        version.mediaType = "application/yaml";
        contracts.persist(version);
    }

    /** A lease on a unit of work, held by another instance for the time given, as if it were working on it. */
    public void leaseHeldElsewhere(Lease.Kind kind, String key, Duration time) {
        datasets.getEntityManager().createNativeQuery("""
                insert into catalog.work_lease as l (kind, key, holder, token, acquired_at, expires_at)
                values (?1, ?2, 'another-instance', gen_random_uuid(), now(), now() + ?3 * interval '1 millisecond')
                on conflict (kind, key) do update set holder = excluded.holder, token = excluded.token,
                    acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                """).setParameter(1, kind.code()).setParameter(2, key).setParameter(3, time.toMillis())
                .executeUpdate();
    }

    /** Changes a source in the catalog as another instance (or an operator's SQL) would: this one is not told. */
    public void sourceChangedElsewhere(String source, String assignments) {
        datasets.getEntityManager().createNativeQuery("update catalog.source set " + assignments + " where name = ?1")
                .setParameter(1, source).executeUpdate();
    }

    /** The lease lapses now, as when its holder died. */
    public void lapse(Lease.Kind kind, String key) {
        datasets.getEntityManager().createNativeQuery(
                "update catalog.work_lease set expires_at = now() - interval '1 second' where kind = ?1 and key = ?2")
                .setParameter(1, kind.code()).setParameter(2, key).executeUpdate();
    }

    private static String read(String resource) {
        try (InputStream in = CatalogFixtures.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
