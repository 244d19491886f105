package io.tributary.catalog.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tributary.catalog.entity.PipelineVersionEntity;

@ApplicationScoped
public class PipelineVersionRepository implements PanacheRepository<PipelineVersionEntity> {

    public Optional<PipelineVersionEntity> findCurrent(String name) {
        return find("name = ?1 order by version desc", name).firstResultOptional();
    }

    public Optional<PipelineVersionEntity> findVersion(String name, int version) {
        return find("name = ?1 and version = ?2", name, version).firstResultOptional();
    }

    public List<PipelineVersionEntity> listVersions(String name) {
        return list("name = ?1 order by version", name);
    }

    /** The current version of every pipeline, by name. */
    public List<PipelineVersionEntity> listCurrent() {
        return list("from PipelineVersionEntity p where p.version = "
                + "(select max(v.version) from PipelineVersionEntity v where v.name = p.name) order by p.name");
    }
}
