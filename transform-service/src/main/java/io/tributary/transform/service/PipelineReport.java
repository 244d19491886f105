package io.tributary.transform.service;

import java.util.List;

import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.transform.repository.PipelineProgress;

/** Everything known about a pipeline now. */
public record PipelineReport(PipelineVersionEntity version, PipelineProgress progress, List<String> problems,
        PipelineService.Lag lag, double recordsPerSecond) {
}
