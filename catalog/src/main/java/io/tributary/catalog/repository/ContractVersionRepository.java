package io.tributary.catalog.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tributary.catalog.entity.ContractVersionEntity;

@ApplicationScoped
public class ContractVersionRepository implements PanacheRepository<ContractVersionEntity> {

    public Optional<ContractVersionEntity> findCurrent(String dataset) {
        return find("dataset = ?1 order by version desc", dataset).firstResultOptional();
    }

    public Optional<ContractVersionEntity> findVersion(String dataset, int version) {
        return find("dataset = ?1 and version = ?2", dataset, version).firstResultOptional();
    }

    public List<ContractVersionEntity> listVersions(String dataset) {
        return list("dataset = ?1 order by version", dataset);
    }
}
