package io.tributary.catalog.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tributary.catalog.entity.DatasetEntity;

@ApplicationScoped
public class DatasetRepository implements PanacheRepositoryBase<DatasetEntity, String> {

    /** Datasets come into being when a contract or a source first names them. */
    public DatasetEntity findOrCreate(String name) {
        DatasetEntity dataset = findById(name);
        if (dataset == null) {
            dataset = new DatasetEntity();
            dataset.name = name;
            persist(dataset);
        }
        return dataset;
    }
}
