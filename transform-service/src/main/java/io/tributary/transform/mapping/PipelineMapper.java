package io.tributary.transform.mapping;

import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.transform.api.BackfillResponse;
import io.tributary.transform.api.PipelineStatusResponse;
import io.tributary.transform.api.PipelineVersionResponse;
import io.tributary.transform.backfill.BackfillRepository;
import io.tributary.transform.progress.PipelineProgress;
import io.tributary.transform.service.PipelineReport;
import io.tributary.transform.service.PipelineService;

public final class PipelineMapper {

    private PipelineMapper() {
    }

    public static PipelineVersionResponse toResponse(PipelineVersionEntity version) {
        return new PipelineVersionResponse(version.name, version.version, version.dataset, version.kind,
                PipelineService.tablesOf(version), version.createdAt);
    }

    public static PipelineStatusResponse toResponse(PipelineReport report) {
        PipelineVersionEntity version = report.version();
        PipelineProgress p = report.progress();
        return new PipelineStatusResponse(version.name, version.version, version.dataset, version.kind,
                PipelineService.tablesOf(version), report.problems(),
                report.pause() == null
                        ? null
                        : new PipelineStatusResponse.Paused(report.pause().since(), report.pause().reason(),
                                report.pause().resumeTopic(), report.pause().resumeFrom()),
                new PipelineStatusResponse.Counts(p.received(), p.curated(), p.corrected(), p.duplicates(),
                        p.filtered(), p.failed(), p.superseded(), p.late(), p.rederived()),
                report.lag().records(), report.lag().behind().toMillis() / 1000.0, report.recordsPerSecond(),
                p.eventWatermark(), p.lastAcceptedAt());
    }

    public static BackfillResponse toResponse(BackfillRepository.Backfill b) {
        return new BackfillResponse(b.id(), b.pipeline(), b.version(), b.source(), b.status(), b.acceptedFrom(),
                b.rowsDone(), b.error(), b.startedAt(), b.finishedAt(), b.takeovers());
    }
}
