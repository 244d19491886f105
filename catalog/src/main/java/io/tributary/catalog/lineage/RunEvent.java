package io.tributary.catalog.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An OpenLineage run event: a job's run changed state, and this is what it read and wrote. Its JSON form
 * ({@link LineageJson#write}) conforms to {@link OpenLineage#RUN_EVENT_SCHEMA_URL}.
 */
@JsonPropertyOrder({"eventType", "eventTime", "run", "job", "inputs", "outputs", "producer", "schemaURL"})
public record RunEvent(
        EventType eventType,
        Instant eventTime,
        Run run,
        Job job,
        List<InputDataset> inputs,
        List<OutputDataset> outputs,
        String producer,
        @JsonProperty("schemaURL") String schemaURL) {

    /**
     * A run issues one START and one of COMPLETE, ABORT or FAIL; RUNNING and OTHER may come in between or after.
     */
    public enum EventType {
        START,
        RUNNING,
        COMPLETE,
        ABORT,
        FAIL,
        OTHER;

        public boolean isTerminal() {
            return this == COMPLETE || this == ABORT || this == FAIL;
        }
    }

    public RunEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(job, "job");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        Facets.requireAbsoluteUri(producer, "producer");
        Facets.requireAbsoluteUri(schemaURL, "schemaURL");
    }

    /** A builder of events stamped with {@code producer} and the run event schema URL. */
    public static RunEventBuilder builder(String producer) {
        return new RunEventBuilder(producer);
    }

    public String toJson() {
        return LineageJson.write(this);
    }
}
