package io.tributary.transform.service;

import java.util.List;

import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.transform.messaging.AcceptedRecordsLag;
import io.tributary.transform.progress.PipelineProgress;

/** Everything known about a pipeline now. */
public record PipelineReport(PipelineVersionEntity version, PipelineProgress progress, List<String> problems,
        AcceptedRecordsLag.Lag lag, double recordsPerSecond) {
}
