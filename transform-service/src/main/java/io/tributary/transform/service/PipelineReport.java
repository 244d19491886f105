package io.tributary.transform.service;

import java.util.List;

import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.transform.messaging.AcceptedRecordsLag;
import io.tributary.transform.progress.PipelineProgress;
import io.tributary.transform.progress.PipelineStateRepository;

/** Everything known about a pipeline now; {@code pause} is null while it runs. */
public record PipelineReport(PipelineVersionEntity version, PipelineProgress progress, List<String> problems,
        PipelineStateRepository.Pause pause, AcceptedRecordsLag.Lag lag, double recordsPerSecond) {
}
