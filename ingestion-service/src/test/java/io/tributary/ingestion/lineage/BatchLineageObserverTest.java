package io.tributary.ingestion.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent;
import io.tributary.catalog.lineage.LineageWriter;
import io.tributary.ingestion.batch.BatchCounts;
import io.tributary.ingestion.batch.BatchLifecycle;
import io.tributary.ingestion.batch.BatchLifecycle.Phase;

class BatchLineageObserverTest {

    @TempDir
    Path dir;

    @Test
    void countsBatchesBytesAndDurationAndNeverFailsTheBatchWhenLineageCannotBeStored() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "Row ID\n1\n");
        MeterRegistry meters = new SimpleMeterRegistry();
        BatchLineage observer = new BatchLineage(new FailingWriter(), new BatchMetrics(meters, null), "127.0.0.1:9092");
        UUID done = UUID.randomUUID();
        UUID broken = UUID.randomUUID();

        observer.onBatch(step(Phase.STARTED, done, file, null));
        observer.onBatch(step(Phase.COMPLETED, done, file, new BatchCounts(1, 1, 0, 0)));
        observer.onBatch(step(Phase.STARTED, broken, file, null));
        observer.onBatch(step(Phase.FAILED, broken, file, null));

        assertEquals(1, meters.get("tributary.ingestion.batches").tags("source", "shop", "outcome", "completed")
                .counter().count());
        assertEquals(1, meters.get("tributary.ingestion.batches").tags("source", "shop", "outcome", "failed")
                .counter().count());
        assertEquals(Files.size(file), meters.get("tributary.ingestion.bytes").tags("source", "shop").counter().count());
        assertEquals(1, meters.get("tributary.ingestion.batch.duration").tags("source", "shop", "outcome", "completed")
                .timer().count());
        assertTrue(meters.get("tributary.ingestion.batch.duration").tags("outcome", "failed").timer()
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) >= 0);
    }

    private static BatchLifecycle step(Phase phase, UUID batch, Path file, BatchCounts counts) {
        return new BatchLifecycle(phase, batch, "shop", "sales", 1, file.toString(), List.of("Row ID"), counts,
                phase == Phase.FAILED ? "broken" : null, Instant.now());
    }

    /** A catalog that refuses every write. */
    private static final class FailingWriter extends LineageWriter {

        FailingWriter() {
            super(null, null);
        }

        @Override
        public List<RunEvent> write(Supplier<List<RunEvent>> events) {
            throw new IllegalStateException("the catalog is down");
        }
    }
}
