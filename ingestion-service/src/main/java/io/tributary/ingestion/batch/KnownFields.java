package io.tributary.ingestion.batch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tributary.catalog.contract.DataContract;
import io.tributary.ingestion.drift.DriftReport;

/**
 * The fields of pushes whose drift followed from their field names alone, with that drift, per source and what the
 * check read (the dataset's contract version as the source's formats apply it, the source's aliases and time zone). A
 * push with exactly such fields whose every record passes the contract would be found with the same drift again (a
 * type or a date format that changed shows as records failing their type; a rename needs a field added and one
 * missing, never kept here): its drift detection, history and profiles are skipped. Per instance, in memory, bounded:
 * forgotten on restart, when the first push of each kind is checked in full again.
 */
final class KnownFields {

    /** What a push's drift depends on besides its fields. */
    record Key(String source, String dataset, int contractVersion, DataContract contract,
            Map<String, String> columnAliases, String timeZone) {

        static Key of(BatchJob job) {
            return new Key(job.source(), job.dataset(), job.contractVersion(), job.contract(),
                    Map.copyOf(job.columnAliases()), job.timeZone());
        }
    }

    private record Entry(Key key, List<String> fields) {
    }

    /** Kinds of push kept at most; past it, everything is forgotten and learnt again. */
    static final int MAX = 10_000;

    private final Map<Entry, DriftReport> known = new ConcurrentHashMap<>();

    /** The drift that pushes with these fields were found with, if they are known. */
    Optional<DriftReport> drift(Key key, List<String> fields) {
        return Optional.ofNullable(known.get(new Entry(key, fields)));
    }

    /** Keeps a push's fields and its drift when the drift depended on the field names alone. */
    void learn(Key key, List<String> fields, DriftReport drift) {
        if (!dependsOnNamesAlone(drift)) {
            return;
        }
        if (known.size() >= MAX) {
            known.clear();
        }
        known.put(new Entry(key, List.copyOf(fields)), drift);
    }

    /**
     * Whether the drift follows from the field names and the contract alone: no type or format found from the values,
     * and no rename, nor fields both added and missing that the values of another push might show to be one.
     */
    static boolean dependsOnNamesAlone(DriftReport drift) {
        boolean missing = !drift.missingRequired().isEmpty() || !drift.missingOptional().isEmpty();
        return drift.renamed().isEmpty() && drift.retyped().isEmpty() && drift.formatChanged().isEmpty()
                && (drift.added().isEmpty() || !missing);
    }
}
