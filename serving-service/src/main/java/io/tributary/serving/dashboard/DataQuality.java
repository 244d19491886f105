package io.tributary.serving.dashboard;

import java.util.List;

/**
 * What the dashboard's data-quality panel shows of a pipeline's input.
 *
 * @param pipeline the pipeline asked for
 * @param dataset the dataset it reads
 * @param sources each source of the dataset with its latest batches, newest first
 * @param held the batches held whole for review, oldest first
 */
public record DataQuality(String pipeline, String dataset, List<SourceBatches> sources, List<BatchCounts> held) {

    /** A source and its latest batches, newest first. */
    public record SourceBatches(String source, List<BatchCounts> latest) {
    }
}
