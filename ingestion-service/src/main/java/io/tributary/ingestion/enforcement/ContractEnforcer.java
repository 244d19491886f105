package io.tributary.ingestion.enforcement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;

/**
 * Checks the rows of one file against a contract. Built once per file from its header: each property finds its
 * column by physical name, else by name. Columns the contract does not declare are not carried on.
 */
public final class ContractEnforcer {

    private final List<ContractProperty> properties;
    private final int[] columns;
    private final ValueParser[] parsers;
    private final int headerWidth;
    private final int[] keyIndexes;
    private final List<String> missingRequired = new ArrayList<>();
    private final List<String> undeclaredColumns = new ArrayList<>();

    public ContractEnforcer(DataContract contract, List<String> header, ZoneId zone) {
        this.properties = contract.properties();
        this.headerWidth = header.size();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).strip(), i);
        }
        columns = new int[properties.size()];
        parsers = new ValueParser[properties.size()];
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            ContractProperty p = properties.get(i);
            Integer column = byName.get(p.sourceName());
            columns[i] = column == null ? -1 : column;
            parsers[i] = new ValueParser(p, zone);
            if (column == null && p.required()) {
                missingRequired.add(p.sourceName());
            }
            declared.add(p.sourceName());
        }
        for (String column : header) {
            if (!declared.contains(column.strip())) {
                undeclaredColumns.add(column.strip());
            }
        }
        keyIndexes = contract.primaryKey().stream().mapToInt(properties::indexOf).toArray();
    }

    /** Required columns that the file's header lacks: every row of such a file fails. */
    public List<String> missingRequiredColumns() {
        return missingRequired;
    }

    /** Columns the file has and the contract does not declare: dropped at the door. */
    public List<String> undeclaredColumns() {
        return undeclaredColumns;
    }

    /** Whether records have a business key from the contract's primary key (else their raw text identifies them). */
    public boolean hasPrimaryKey() {
        return keyIndexes.length > 0;
    }

    public CheckedRecord check(List<String> fields) {
        if (!missingRequired.isEmpty()) {
            return CheckedRecord.rejected(new Violation(null, "schema.missingColumn", null,
                    "the file has no column " + String.join(", ", missingRequired) + " that the contract requires"));
        }
        if (fields.size() != headerWidth) {
            return CheckedRecord.rejected(new Violation(null, "row.fieldCount", Integer.toString(fields.size()),
                    "the row has " + fields.size() + " fields where the header has " + headerWidth));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            ContractProperty p = properties.get(i);
            String text = columns[i] < 0 ? null : fields.get(columns[i]);
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
}
