package io.tributary.catalog.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An accepted record in the CloudEvents 1.0 structured JSON format. The extension attributes (lower-case, as CloudEvents
 * requires) say where the record came from, so every later stage can trace and de-duplicate it.
 *
 * @param id the record's identity: the same record always has the same id, whichever batch or replay delivers it
 * @param subject the record's business key
 * @param time when ingestion accepted the record
 * @param dataschema the contract version the record was checked against
 * @param data the contract's properties by name, typed: strings, exact decimals, integers, booleans, ISO dates
 */
public record RecordEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String tributarydataset,
        UUID tributarybatch,
        long tributaryposition,
        int tributarycontractversion,
        Map<String, Object> data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String ACCEPTED_TYPE = "io.tributary.record.accepted.v1";
    public static final String DATA_CONTENT_TYPE = "application/json";

    /**
     * An accepted record's event. A writer of many events of one batch may instead give the canonical constructor the
     * attributes of {@link #sourceOf} and {@link #dataschemaOf}, made once.
     */
    public static RecordEvent accepted(UUID id, String sourceName, String businessKey, Instant time, String dataset,
            int contractVersion, UUID batch, long position, Map<String, Object> data) {
        return new RecordEvent(SPEC_VERSION, id, sourceOf(sourceName), ACCEPTED_TYPE, businessKey, time,
                DATA_CONTENT_TYPE, dataschemaOf(dataset, contractVersion), dataset, batch, position, contractVersion,
                data);
    }

    /** The {@code source} attribute of the records of a source. */
    public static String sourceOf(String sourceName) {
        return "/tributary/sources/" + sourceName;
    }

    /** The {@code dataschema} attribute of the records checked against a contract version. */
    public static String dataschemaOf(String dataset, int contractVersion) {
        return "/api/contracts/" + dataset + "/versions/" + contractVersion;
    }

    /** The source name, from the {@code source} attribute. */
    public String sourceName() {
        return source.substring(source.lastIndexOf('/') + 1);
    }
}
