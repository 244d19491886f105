package io.tributary.catalog.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tributary.catalog.entity.SourceEntity;

@ApplicationScoped
public class SourceRepository implements PanacheRepository<SourceEntity> {

    public Optional<SourceEntity> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
