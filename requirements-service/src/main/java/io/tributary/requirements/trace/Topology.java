package io.tributary.requirements.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

/**
 * How data flows, as the catalog records it: each source feeds a dataset, each pipeline reads a dataset, each serving
 * query reads a pipeline's tables. Used to find the dataset a requirement is about, and what a change upstream touches.
 *
 * @param sources the dataset of each source
 * @param pipelines the dataset each pipeline reads
 */
public record Topology(Map<String, String> sources, Map<String, String> pipelines) {

    /** The dataset a target's data belongs to, when the catalog knows it. */
    public Optional<String> datasetOf(Target target) {
        return switch (target.type()) {
            case DATASET -> Optional.of(target.name());
            case SOURCE -> Optional.ofNullable(sources.get(target.name()));
            case PIPELINE -> Optional.ofNullable(pipelines.get(target.name()));
            case SERVING -> target.servedPipeline().map(pipelines::get);
        };
    }

    /** The sources that feed a dataset. */
    public List<String> sourcesOf(String dataset) {
        return sources.entrySet().stream().filter(e -> e.getValue().equals(dataset)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** The pipelines that read a dataset. */
    public List<String> pipelinesOf(String dataset) {
        return pipelines.entrySet().stream().filter(e -> e.getValue().equals(dataset)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /**
     * Whether a requirement's target lies downstream of (or at) a changed node: a source change reaches its dataset,
     * the dataset's pipelines and their serving queries; a dataset change its pipelines and queries; a pipeline change
     * its queries.
     */
    public boolean touches(Target changed, Target target) {
        Set<String> nodes = new LinkedHashSet<>();
        switch (changed.type()) {
            case SOURCE -> {
                nodes.add(key(TargetType.SOURCE, changed.name()));
                Optional.ofNullable(sources.get(changed.name())).ifPresent(dataset -> addDataset(nodes, dataset));
            }
            case DATASET -> addDataset(nodes, changed.name());
            case PIPELINE -> nodes.add(key(TargetType.PIPELINE, changed.name()));
            case SERVING -> nodes.add(key(TargetType.SERVING, changed.name()));
        }
        if (nodes.contains(key(target.type(), target.name()))) {
            return true;
        }
        return target.type() == TargetType.SERVING && target.servedPipeline()
                .map(pipeline -> nodes.contains(key(TargetType.PIPELINE, pipeline))).orElse(false);
    }

    /** The lineage of a target as far as the catalog knows it: sources, dataset, pipelines. */
    public List<Target> lineage(Target target) {
        List<Target> chain = new ArrayList<>();
        Optional<String> dataset = datasetOf(target);
        dataset.ifPresent(d -> sourcesOf(d).forEach(s -> chain.add(new Target(TargetType.SOURCE, s))));
        dataset.ifPresent(d -> chain.add(new Target(TargetType.DATASET, d)));
        if (target.type() == TargetType.PIPELINE || target.type() == TargetType.SERVING) {
            String pipeline = target.type() == TargetType.PIPELINE
                    ? target.name()
                    : target.servedPipeline().orElse(null);
            if (pipeline != null) {
                chain.add(new Target(TargetType.PIPELINE, pipeline));
            }
        } else {
            dataset.ifPresent(d -> pipelinesOf(d).forEach(p -> chain.add(new Target(TargetType.PIPELINE, p))));
        }
        if (target.type() == TargetType.SERVING) {
            chain.add(target);
        }
        return chain;
    }

    private void addDataset(Set<String> nodes, String dataset) {
        nodes.add(key(TargetType.DATASET, dataset));
        pipelinesOf(dataset).forEach(pipeline -> nodes.add(key(TargetType.PIPELINE, pipeline)));
    }

    private static String key(TargetType type, String name) {
        return type + ":" + name;
    }
}
