package io.tributary.ingestion.drift;

import java.util.List;
import java.util.Map;

/**
 * What earlier batches of a dataset say about its fields, for the evidence of a rename: the headers its data came in
 * (the source's last completed batch first, then the schema versions observed, newest first), and what each field's
 * values looked like.
 */
public record DriftHistory(List<RenameEvidence.Layout> layouts, Map<String, FieldProfile> profiles) {

    public static final DriftHistory NONE = new DriftHistory(List.of(), Map.of());

    public DriftHistory {
        layouts = List.copyOf(layouts);
        profiles = Map.copyOf(profiles);
    }

    /** The history with its field names as the source's aliases map them. */
    public DriftHistory aliased(ColumnAliases aliases) {
        return new DriftHistory(layouts.stream()
                .map(l -> new RenameEvidence.Layout(l.label(), aliases.apply(l.names()), l.observed()))
                .toList(), profiles);
    }
}
