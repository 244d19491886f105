package io.tributary.ingestion.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * How the fields of an input differ from its contract.
 *
 * @param added fields the contract does not declare: accepted, not carried on
 * @param missingRequired contract columns the input lacks although the contract requires them
 * @param missingOptional contract columns the input lacks that the contract does not require
 * @param renamed missing columns that another, undeclared field looks like, with the evidence
 * @param retyped fields present whose values mostly fail the property's type
 * @param formatChanged date or time fields whose values now follow another format
 */
public record DriftReport(List<String> added, List<String> missingRequired, List<String> missingOptional,
        List<Renamed> renamed, List<Retyped> retyped, List<FormatChanged> formatChanged) {

    /**
     * A missing column that an added field looks like.
     *
     * @param score how strongly the evidence speaks for it, from 0.4 (the least that is suggested) up
     * @param evidence each thing that speaks for it (or against it), in words
     */
    public record Renamed(String expected, String found, double score,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> evidence) {

        public Renamed {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    public record Retyped(String column, String property, String expectedType, int failed, int sampled,
            List<String> examples) {
    }

    public record FormatChanged(String column, String property, String expectedFormat, String detectedFormat,
            String example) {
    }

    /** Whether an operator must decide before the input may go on. */
    public boolean needsReview() {
        return !missingRequired.isEmpty() || !renamed.isEmpty() || !retyped.isEmpty() || !formatChanged.isEmpty();
    }

    public boolean isEmpty() {
        return added.isEmpty() && missingOptional.isEmpty() && !needsReview();
    }

    /** The mapping that would resolve the renames: input field → contract column. */
    public Map<String, String> suggestedAliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        renamed.forEach(r -> aliases.put(r.found(), r.expected()));
        return aliases;
    }

    /** The formats that would resolve the format changes: property → detected pattern. */
    public Map<String, String> suggestedFormats() {
        Map<String, String> formats = new LinkedHashMap<>();
        formatChanged.forEach(f -> formats.put(f.property(), f.detectedFormat()));
        return formats;
    }

    /** One line for a batch's hold reason. */
    public String summary() {
        StringBuilder s = new StringBuilder("schema drift:");
        if (!missingRequired.isEmpty()) {
            s.append(" required columns missing ").append(missingRequired).append(';');
        }
        renamed.forEach(r -> s.append(" '").append(r.found()).append("' looks like '").append(r.expected()).append("';"));
        retyped.forEach(r -> s.append(" '").append(r.column()).append("' is no longer ").append(r.expectedType())
                .append(" (").append(r.failed()).append(" of ").append(r.sampled()).append(" values);"));
        formatChanged.forEach(f -> s.append(" '").append(f.column()).append("' changed format from ")
                .append(f.expectedFormat()).append(" to ").append(f.detectedFormat()).append(';'));
        return s.toString();
    }
}
