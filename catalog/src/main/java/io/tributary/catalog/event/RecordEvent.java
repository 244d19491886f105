package io.tributary.catalog.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
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

    /** The attributes derived from the source and the contract, kept from one call to the next: a batch shares them. */
    private static volatile Derived lastDerived;

    private record Derived(String sourceName, String dataset, int contractVersion, String source, String dataschema) {

        static Derived of(String sourceName, String dataset, int contractVersion) {
            Derived last = lastDerived;
            if (last != null && last.contractVersion == contractVersion && Objects.equals(last.sourceName, sourceName)
                    && Objects.equals(last.dataset, dataset)) {
                return last;
            }
            Derived derived = new Derived(sourceName, dataset, contractVersion, "/tributary/sources/" + sourceName,
                    "/api/contracts/" + dataset + "/versions/" + contractVersion);
            lastDerived = derived;
            return derived;
        }
    }

    public static RecordEvent accepted(UUID id, String sourceName, String businessKey, Instant time, String dataset,
            int contractVersion, UUID batch, long position, Map<String, Object> data) {
        Derived derived = Derived.of(sourceName, dataset, contractVersion);
        return new RecordEvent(SPEC_VERSION, id, derived.source(), ACCEPTED_TYPE, businessKey, time,
                "application/json", derived.dataschema(), dataset, batch, position, contractVersion, data);
    }

    /** The source name, from the {@code source} attribute. */
    public String sourceName() {
        return source.substring(source.lastIndexOf('/') + 1);
    }
}
