package io.tributary.requirements.repository;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.requirements.trace.Topology;

/** The catalog's sources and pipelines, as a {@link Topology}. */
@ApplicationScoped
public class TopologyRepository {

    private final Jdbc jdbc;

    public TopologyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Topology load() {
        Map<String, String> sources = new HashMap<>();
        jdbc.list("select name, dataset from catalog.source", s -> {
        }, row -> sources.put(row.getString(1), row.getString(2)));
        Map<String, String> pipelines = new HashMap<>();
        jdbc.list("select distinct on (name) name, dataset from catalog.pipeline_version order by name, version desc",
                s -> {
                }, row -> pipelines.put(row.getString(1), row.getString(2)));
        return new Topology(sources, pipelines);
    }
}
