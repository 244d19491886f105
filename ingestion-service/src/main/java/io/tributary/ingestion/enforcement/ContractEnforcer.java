package io.tributary.ingestion.enforcement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * Checks records against a contract. Each property finds its field by physical name, else by name; the binding is
 * worked out once per list of field names (once per file for delimited files, whose rows share their header). Fields
 * the contract does not declare are not carried on.
 */
public final class ContractEnforcer {

    private final List<ContractProperty> properties;
    private final ValueParser[] parsers;
    private final int[] keyIndexes;
    private List<String> boundNames;
    private FieldBinding binding;

    public ContractEnforcer(DataContract contract, ZoneId zone) {
        this.properties = contract.properties();
        this.parsers = properties.stream().map(p -> new ValueParser(p, zone)).toArray(ValueParser[]::new);
        this.keyIndexes = contract.primaryKey().stream().mapToInt(properties::indexOf).toArray();
    }

    /** How the properties map onto a list of field names: what is missing and what is left over. */
    public FieldBinding bind(List<String> names) {
        if (names != boundNames) {
            binding = FieldBinding.of(properties, names);
            boundNames = names;
        }
        return binding;
    }

    public CheckedRecord check(SourceRecord record) {
        if (!record.isReadable()) {
            return CheckedRecord.rejected(new Violation(null, "format.syntax", null, record.error()));
        }
        FieldBinding fields = bind(record.names());
        if (!fields.missingRequired().isEmpty()) {
            return CheckedRecord.rejected(new Violation(null, "schema.missingColumn", null,
                    "the record has no field " + String.join(", ", fields.missingRequired())
                            + " that the contract requires"));
        }
        List<String> values = record.values();
        if (values.size() != record.names().size()) {
            return CheckedRecord.rejected(new Violation(null, "row.fieldCount", Integer.toString(values.size()),
                    "the row has " + values.size() + " fields where the header has " + record.names().size()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            ContractProperty p = properties.get(i);
            int column = fields.column(i);
            String text = column < 0 ? null : values.get(column);
            if (text == null || text.isBlank()) {
                if (p.required() || p.primaryKey()) {
                    return CheckedRecord.rejected(new Violation(p.name(), "required", text,
                            "'" + p.sourceName() + "' is required and is empty"));
                }
                data.put(p.name(), null);
                continue;
            }
            try {
                data.put(p.name(), parsers[i].parse(text));
            } catch (IllegalArgumentException e) {
                return CheckedRecord.rejected(new Violation(p.name(), "logicalType", text,
                        "'" + p.sourceName() + "': " + e.getMessage()));
            }
        }
        return CheckedRecord.accepted(data, businessKey(data));
    }

    private String businessKey(Map<String, Object> data) {
        if (keyIndexes.length == 0) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int index : keyIndexes) {
            if (key.length() > 0) {
                key.append('|');
            }
            key.append(data.get(properties.get(index).name()));
        }
        return key.toString();
    }

    /** Where each property is read from in one list of field names. */
    public record FieldBinding(int[] columns, List<String> missingRequired, List<String> undeclared) {

        static FieldBinding of(List<ContractProperty> properties, List<String> names) {
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.putIfAbsent(names.get(i), i);
            }
            int[] columns = new int[properties.size()];
            List<String> missing = new ArrayList<>();
            Set<String> declared = new HashSet<>();
            for (int i = 0; i < properties.size(); i++) {
                ContractProperty p = properties.get(i);
                columns[i] = byName.getOrDefault(p.sourceName(), -1);
                if (columns[i] < 0 && (p.required() || p.primaryKey())) {
                    missing.add(p.sourceName());
                }
                declared.add(p.sourceName());
            }
            List<String> undeclared = names.stream().filter(n -> !declared.contains(n)).toList();
            return new FieldBinding(columns, List.copyOf(missing), undeclared);
        }

        int column(int property) {
            return columns[property];
        }
    }
}
