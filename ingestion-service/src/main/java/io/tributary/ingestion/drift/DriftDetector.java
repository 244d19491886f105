package io.tributary.ingestion.drift;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.LogicalType;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * Compares an input's fields, and a sample of its values, with the contract: fields added or missing, missing columns
 * that an added field looks like (its name, its place in the header, its values against the column's past ones:
 * {@link RenameEvidence}), fields whose values no longer fit their type, and dates that now come in another format.
 */
public final class DriftDetector {

    /** Formats tried when a date or time column stops matching its declared one. */
    static final List<String> CANDIDATE_FORMATS = List.of("yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy", "d/M/yyyy",
            "dd.MM.yyyy", "yyyy/MM/dd", "M/d/yy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm",
            "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "MM/dd/yyyy HH:mm", "d/M/yyyy H:mm", "dd.MM.yyyy HH:mm");
    private static final double FITS = 0.9;
    private static final int MIN_SAMPLE = 5;

    private final DataContract contract;
    private final ZoneId zone;

    public DriftDetector(DataContract contract, ZoneId zone) {
        this.contract = contract;
        this.zone = zone;
    }

    /**
     * @param sample the first records of the input
     * @param layouts the headers the dataset's fields came in before, most recent first (the contract's order is added
     *        here, last)
     * @param past what each field's values looked like in earlier batches, by field name
     */
    public DriftReport detect(List<SourceRecord> sample, List<RenameEvidence.Layout> layouts,
            Map<String, FieldProfile> past) {
        List<String> names = namesOf(sample);
        Set<String> declared = new HashSet<>();
        contract.properties().forEach(p -> declared.add(p.sourceName()));
        contract.containers().forEach(c -> declared.add(c.sourceName()));
        List<String> added = new ArrayList<>(names.stream().filter(n -> !declared.contains(n)).toList());
        List<ContractProperty> missing = contract.properties().stream()
                .filter(p -> !names.contains(p.sourceName())).toList();
        List<RenameEvidence.Layout> every = new ArrayList<>(layouts);
        every.add(new RenameEvidence.Layout("the contract's order of columns",
                contract.properties().stream().map(ContractProperty::sourceName).toList(), false));
        List<DriftReport.Renamed> scored = new ArrayList<>();
        for (ContractProperty p : missing) {
            for (String candidate : added) {
                List<String> values = nonEmptyValues(sample, candidate);
                int fit = values.size() - failures(p, values).size();
                RenameEvidence.score(new RenameEvidence.Pair(p.sourceName(), p.logicalType(), past.get(p.sourceName()),
                        candidate, values, fit), names, every).ifPresent(scored::add);
            }
        }
        List<DriftReport.Renamed> renamed = RenameEvidence.assign(scored);
        List<String> missingRequired = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        for (ContractProperty p : missing) {
            if (renamed.stream().anyMatch(r -> r.expected().equals(p.sourceName()))) {
                continue;
            }
            (contract.requiredInEveryRecord(p) ? missingRequired : missingOptional).add(p.sourceName());
        }
        renamed.forEach(r -> added.remove(r.found()));
        List<DriftReport.Retyped> retyped = new ArrayList<>();
        List<DriftReport.FormatChanged> formatChanged = new ArrayList<>();
        for (ContractProperty p : contract.properties()) {
            if (names.contains(p.sourceName()) && p.logicalType() != LogicalType.STRING) {
                typeDrift(p, sample, retyped, formatChanged);
            }
        }
        return new DriftReport(List.copyOf(added), missingRequired, missingOptional, renamed, retyped, formatChanged);
    }

    private void typeDrift(ContractProperty p, List<SourceRecord> sample, List<DriftReport.Retyped> retyped,
            List<DriftReport.FormatChanged> formatChanged) {
        List<String> values = nonEmptyValues(sample, p.sourceName());
        List<String> failed = failures(p, values);
        if (values.size() < MIN_SAMPLE || failed.size() * 2 <= values.size()) {
            return;
        }
        if (p.logicalType() == LogicalType.DATE || p.logicalType() == LogicalType.TIMESTAMP
                || p.logicalType() == LogicalType.TIME) {
            for (String format : CANDIDATE_FORMATS) {
                ContractProperty candidate = ContractFormats.withFormat(p, format);
                if (failures(candidate, failed).size() <= failed.size() * (1 - FITS)) {
                    formatChanged.add(new DriftReport.FormatChanged(p.sourceName(), p.name(),
                            p.format().orElse("ISO-8601"), format, failed.get(0)));
                    return;
                }
            }
        }
        retyped.add(new DriftReport.Retyped(p.sourceName(), p.name(), p.logicalType().odcsName(), failed.size(),
                values.size(), failed.subList(0, Math.min(3, failed.size()))));
    }

    /** The values that do not parse as the property's type (other rules are not drift). */
    private List<String> failures(ContractProperty p, List<String> values) {
        ContractProperty typeOnly = new ContractProperty(p.name(), p.sourceName(), p.logicalType(), false, false, -1,
                p.format().<Map<String, Object>>map(f -> Map.of("format", f)).orElse(Map.of()));
        ContractEnforcer enforcer = new ContractEnforcer(
                new DataContract(contract.id(), contract.version(), contract.status(), contract.objectName(),
                        List.of(typeOnly)),
                zone);
        List<String> column = List.of(p.sourceName());
        List<String> failed = new ArrayList<>();
        for (String value : values) {
            CheckedRecord checked = enforcer.check(new SourceRecord(0, column, List.of(value), value, null));
            if (!checked.isAccepted() && "logicalType".equals(checked.violation().rule())) {
                failed.add(value);
            }
        }
        return failed;
    }

    private static List<String> nonEmptyValues(List<SourceRecord> sample, String column) {
        List<String> values = new ArrayList<>();
        Map<List<String>, Integer> indexes = new HashMap<>();
        for (SourceRecord record : sample) {
            int index = indexes.computeIfAbsent(record.names(), names -> names.indexOf(column));
            if (index >= 0 && index < record.values().size()) {
                String value = record.values().get(index);
                if (value != null && !value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** Field names in order of first appearance across the sample. */
    public static List<String> namesOf(List<SourceRecord> sample) {
        Set<String> names = new LinkedHashSet<>();
        sample.stream().filter(SourceRecord::isReadable).forEach(r -> names.addAll(r.names()));
        return List.copyOf(names);
    }
}
