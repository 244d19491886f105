package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.Outcome;
import io.tributary.transform.pipeline.PipelineReader;

class PipelineWriterRunTest {

    private static final Item ITEM = new Item("k-1", Map.of("id", "1"), "{\"id\":\"1\"}", "h", UUID.randomUUID(), "src",
            UUID.randomUUID(), 4, 0, 9, Instant.now(), Item.Mode.LIVE);

    /** A pipeline whose run throws what its input's fields throw when read: as an expression's evaluation might. */
    private static CompiledPipeline throwing(Throwable thrown) {
        Map<String, FieldType> input = new AbstractMap<>() {
            @Override
            public Set<Map.Entry<String, FieldType>> entrySet() {
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            }
        };
        return new CompiledPipeline(PipelineReader.read("{\"name\": \"p\", \"dataset\": \"d\"}", false), 1, input,
                Map.of(), Map.of(), Set.of(), List.of(), Map.of());
    }

    @Test
    void failsTheRecordAloneWhenItsEvaluationThrowsAnError() {
        Outcome outcome = PipelineWriter.run(throwing(new StackOverflowError()), ITEM, null);

        Outcome.Failed failed = (Outcome.Failed) outcome;
        assertEquals("k-1", failed.key());
        assertEquals("evaluation", failed.step());
        assertTrue(failed.reason().contains("StackOverflowError"), failed.reason());
    }

    @Test
    void failsTheRecordAloneWhenItsEvaluationThrowsUnexpectedly() {
        Outcome outcome = PipelineWriter.run(throwing(new ArithmeticException("Division by zero")), ITEM, null);

        assertTrue(((Outcome.Failed) outcome).reason().contains("Division by zero"));
    }

    @Test
    void letsTheJvmRunningOutOfMemoryThrough() {
        assertThrows(OutOfMemoryError.class,
                () -> PipelineWriter.run(throwing(new OutOfMemoryError("Java heap space")), ITEM, null));
    }
}
