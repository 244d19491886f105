package io.tributary.serving.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.serving.config.DashboardConfig;

@ApplicationScoped
public class DataQualityService {

    private final DataQualityRepository batches;
    private final ObjectiveRepository objectives;
    private final DashboardConfig config;

    public DataQualityService(DataQualityRepository batches, ObjectiveRepository objectives,
            DashboardConfig config) {
        this.batches = batches;
        this.objectives = objectives;
        this.config = config;
    }

    /**
     * The objectives of the requirements on the pipeline, its dataset, its sources and its metrics queries, with
     * their latest evaluation.
     *
     * @throws ProblemException 404 when no pipeline of this name is declared
     */
    public List<Objective> objectives(String pipeline) {
        return objectives.on(pipeline, dataset(pipeline));
    }

    /**
     * The latest batches of each source of the pipeline's dataset and the batches held for review.
     *
     * @throws ProblemException 404 when no pipeline of this name is declared
     */
    public DataQuality quality(String pipeline) {
        String dataset = dataset(pipeline);
        Map<String, List<BatchCounts>> latest = batches.latest(dataset, config.latestBatches()).stream()
                .map(this::counts).collect(Collectors.groupingBy(BatchCounts::source, Collectors.toList()));
        List<DataQuality.SourceBatches> sources = batches.sources(dataset).stream()
                .map(source -> new DataQuality.SourceBatches(source, latest.getOrDefault(source, List.of())))
                .toList();
        return new DataQuality(pipeline, dataset, sources, batches.held(dataset).stream().map(this::counts).toList());
    }

    private String dataset(String pipeline) {
        return batches.datasetOf(pipeline).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "unknown pipeline '" + pipeline + "'",
                List.of("path parameter 'pipeline': no pipeline is named '" + pipeline + "'")));
    }

    private BatchCounts counts(DataQualityRepository.Batch batch) {
        return new BatchCounts(batch.id(), batch.source(), batch.status(), batch.fileName(),
                batch.createdAt().toInstant(), batch.completedAt() == null ? null : batch.completedAt().toInstant(),
                batch.received(), batch.accepted(), batch.quarantined(), batch.duplicates(), batch.holdReason(),
                quarantineLink(batch.id().toString()));
    }

    private String quarantineLink(String batch) {
        String base = config.ingestionUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/quarantine?batch=" + batch;
    }
}
