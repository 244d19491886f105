package io.tributary.transform.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PipelineMetricsTest {

    @Test
    void countsEachAppliedPollAndItsRecords() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PipelineMetrics metrics = new PipelineMetrics(meters);

        metrics.recordPoll(100);
        metrics.recordPoll(37);

        assertEquals(2.0, meters.counter("tributary.transform.polls").count());
        assertEquals(137.0, meters.counter("tributary.transform.poll.records").count());
    }
}
