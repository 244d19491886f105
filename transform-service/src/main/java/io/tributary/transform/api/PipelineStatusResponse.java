package io.tributary.transform.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pipeline as it stands: its current version, what it has done with its input, and how far behind it is.
 *
 * @param problems why the current version cannot run now (its contract changed under it); empty when it runs
 * @param paused while the pipeline cannot run, since when, why, and the offsets its records are applied again from
 *        once it can; null while it runs
 * @param counts received = curated + corrected + duplicates + filtered + failed + superseded
 * @param lagRecords accepted records not applied yet (shared by all pipelines, which read the topic together)
 * @param lagSeconds how long the oldest of them has waited
 * @param recordsPerSecond records received per second over the last minute
 * @param eventWatermark the newest event time seen
 * @param currentAsOf when ingestion accepted the newest record applied
 */
public record PipelineStatusResponse(
        String name,
        int version,
        String dataset,
        String kind,
        List<String> tables,
        List<String> problems,
        Paused paused,
        Counts counts,
        long lagRecords,
        double lagSeconds,
        double recordsPerSecond,
        Instant eventWatermark,
        Instant currentAsOf) {

    /**
     * @param resumeTopic the topic of {@code resumeFrom}: the pipeline's dataset's topic of accepted records
     * @param resumeFrom the topic's offset, by partition, from which its records are applied again
     */
    public record Paused(Instant since, String reason, String resumeTopic, Map<Integer, Long> resumeFrom) {
    }

    /** @param late curated or corrected records whose event time was behind the watermark by more than the lateness */
    public record Counts(long received, long curated, long corrected, long duplicates, long filtered, long failed,
            long superseded, long late, long rederived) {
    }
}
