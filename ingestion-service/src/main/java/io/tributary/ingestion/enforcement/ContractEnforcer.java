package io.tributary.ingestion.enforcement;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.ingestion.event.AsciiText;
import io.tributary.ingestion.event.RecordData;
import io.tributary.ingestion.parsing.ReadLimits;
import io.tributary.ingestion.parsing.RowFields;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * Checks records against a contract. Each property finds its field by physical name, else by name; the binding is
 * worked out once per list of field names (once per file for delimited files, whose rows share their header). Fields
 * the contract does not declare are not carried on. Properties nested in objects and arrays are fields named by their
 * path; the objects and arrays themselves are checked by {@link Nesting} (decision 0030).
 *
 * <p>
 * One enforcer serves one thread (one batch): it keeps the last binding and reuses its pattern matchers. Everything a
 * check needs is prepared in the constructor, so checking a record allocates its data map and typed values, and
 * nothing else unless it fails. The data of a record is a {@link RecordData}: its values in an array, with names shared
 * by every record.
 *
 * <p>
 * The fields of a row read from its bytes ({@link RowFields}) are read from the bytes where that is all a property
 * needs ({@link PropertyRules#valueOfAscii}): strings are left in the row ({@link RecordData} holds them there until
 * they are read), numbers and dates read without making their text. The rest, and every violation, is found from the
 * field's text.
 */
public final class ContractEnforcer {

    private final List<ContractProperty> properties;
    private final PropertyRules[] rules;
    private final boolean[] needsValue;
    private final int[] keyIndexes;
    /** The key properties of an item of the exploded array, and whether its position ends the key instead. */
    private final int[] itemKeyIndexes;
    private final boolean keyedByItemPosition;
    private final Nesting nesting;
    /** The names of the data, shared by every record; null when names repeat and the data is a map. */
    private final String[] names;
    /** For each property, the last property of the same name: whose value the data holds under that name. */
    private final int[] keyValueIndexes;
    /** The primary key's property when it has one, for the violation of a key too long to store; else null. */
    private final String keyField;
    private List<String> boundNames;
    private FieldBinding binding;

    /**
     * Works out every property's checks once: parsers, compiled patterns, limits, valid values.
     *
     * @throws IllegalArgumentException when a limit of the contract cannot be used (a contract read by
     *         {@code ContractReader.read} has been checked already)
     */
    public ContractEnforcer(DataContract contract, ZoneId zone) {
        this.properties = contract.properties();
        this.rules = properties.stream().map(p -> new PropertyRules(p, zone)).toArray(PropertyRules[]::new);
        this.needsValue = new boolean[properties.size()];
        for (int i = 0; i < needsValue.length; i++) {
            needsValue[i] = contract.requiredInEveryRecord(properties.get(i));
        }
        this.keyIndexes = contract.primaryKey().stream().mapToInt(properties::indexOf).toArray();
        this.keyField = keyIndexes.length == 1 ? properties.get(keyIndexes[0]).name() : null;
        this.itemKeyIndexes = contract.itemKey().stream().mapToInt(properties::indexOf).toArray();
        this.keyedByItemPosition = contract.keyedByItemPosition();
        this.nesting = new Nesting(contract);
        String[] propertyNames = properties.stream().map(ContractProperty::name).toArray(String[]::new);
        this.names = RecordData.usable(propertyNames) ? propertyNames : null;
        this.keyValueIndexes = new int[propertyNames.length];
        List<String> nameList = Arrays.asList(propertyNames);
        for (int i = 0; i < propertyNames.length; i++) {
            keyValueIndexes[i] = nameList.lastIndexOf(propertyNames[i]);
        }
    }

    /** How the properties map onto a list of field names: what is missing and what is left over. */
    public FieldBinding bind(List<String> names) {
        if (names != boundNames) {
            binding = FieldBinding.of(properties, needsValue, nesting, names);
            boundNames = names;
        }
        return binding;
    }

    /**
     * Checks one record: the first violation found, or the typed values of the declared properties and the business
     * key. A record that could not be read is {@code format.syntax}, or {@code format.limit} when it went past a limit
     * of {@link ReadLimits}. Per field, in order: missing values ({@code required}, {@code nullValues}, {@code missingValues}), the
     * logical type ({@code logicalType}), what the curated store can hold ({@code text.nul}, {@code text.surrogate},
     * {@code store.numeric}, {@code store.date}, {@code store.timestamp}: {@link StoreLimits}), then the limits of
     * {@code logicalTypeOptions} and the per-record quality rules (see {@link PropertyRules} for the rule names); last,
     * a business key too long for an index entry ({@code store.key}). The objects and arrays of the contract are
     * checked before the properties in them ({@link Nesting}).
     */
    public CheckedRecord check(SourceRecord record) {
        if (!record.isReadable()) {
            String rule = ReadLimits.reached(record.error()) ? "format.limit" : "format.syntax";
            return CheckedRecord.rejected(new Violation(null, rule, null, record.error()));
        }
        FieldBinding fields = bind(record.names());
        List<String> values = record.values();
        if (!nesting.isEmpty() && values.size() == record.names().size()) {
            Violation violation = nesting.check(record, values, fields.nesting());
            if (violation != null) {
                return CheckedRecord.rejected(violation);
            }
        }
        if (!fields.missingRequired().isEmpty()) {
            return CheckedRecord.rejected(new Violation(null, "schema.missingColumn", null,
                    "the record has no field " + String.join(", ", fields.missingRequired())
                            + " that the contract requires"));
        }
        if (values.size() != record.names().size()) {
            return CheckedRecord.rejected(new Violation(null, "row.fieldCount", Integer.toString(values.size()),
                    "the row has " + values.size() + " fields where the header has " + record.names().size()));
        }
        // a row holding a zero byte is checked from its text, where every text value is scanned for U+0000; the
        // text of other rows read from bytes was decoded, so holds neither U+0000 nor an unpaired surrogate
        RowFields row = values instanceof RowFields bytes && !record.containsNul() ? bytes : null;
        Object[] typed = new Object[rules.length];
        for (int i = 0; i < rules.length; i++) {
            PropertyRules p = rules[i];
            int column = fields.column(i);
            if (!nesting.isEmpty() && !nesting.holds(i)) {
                continue;
            }
            if (row != null && column >= 0 && row.isAscii(column)) {
                Object value = p.valueOfAscii(row, column);
                if (value != null) {
                    typed[i] = value;
                    continue;
                }
            }
            String text = column < 0 ? null : values.get(column);
            if (p.isMissing(text)) {
                Violation missing = p.missing(text);
                if (missing != null) {
                    return CheckedRecord.rejected(missing);
                }
                continue;
            }
            Object value;
            try {
                value = p.parser.parse(text);
            } catch (IllegalArgumentException e) {
                return CheckedRecord.rejected(new Violation(p.name, "logicalType", text,
                        "'" + p.property.sourceName() + "': " + e.getMessage()));
            }
            Violation violation = p.unstorable(value, text, row == null);
            if (violation == null) {
                violation = p.check(value, text);
            }
            if (violation != null) {
                return CheckedRecord.rejected(violation);
            }
            typed[i] = p.parser.output(value);
        }
        String key = businessKey(typed, row, fields, record.item());
        if (key != null) {
            String tooLong = StoreLimits.key(key);
            if (tooLong != null) {
                return CheckedRecord.rejected(new Violation(keyField, "store.key", key, "the primary key cannot be "
                        + "stored: " + tooLong));
            }
        }
        return CheckedRecord.accepted(data(typed, row, fields), key);
    }

    /** The values by property name, in the contract's order; strings may be left in the row they were read from. */
    private Map<String, Object> data(Object[] typed, RowFields row, FieldBinding fields) {
        if (names != null) {
            return row == null ? new RecordData(names, typed) : new RecordData(names, typed, row, fields.columns());
        }
        // names that repeat: as a map filled in order, a later property's value wins
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < typed.length; i++) {
            data.put(rules[i].name, value(typed, i, row, fields));
        }
        return data;
    }

    /**
     * The values of the key properties joined by {@code |}; for an item of the exploded array, followed by those of the
     * items' key properties, or by its position when they declare none (decision 0030). Null without a key.
     */
    private String businessKey(Object[] typed, RowFields row, FieldBinding fields, int item) {
        boolean ofItem = item > 0 && (itemKeyIndexes.length > 0 || keyedByItemPosition);
        if (keyIndexes.length == 0 && !ofItem) {
            return null;
        }
        if (keyIndexes.length == 1 && !ofItem) {
            return String.valueOf(value(typed, keyValueIndexes[keyIndexes[0]], row, fields));
        }
        StringBuilder key = new StringBuilder();
        // the value a name stands for in the data: that of the last property of that name
        for (int index : keyIndexes) {
            append(key, value(typed, keyValueIndexes[index], row, fields));
        }
        if (ofItem && itemKeyIndexes.length == 0) {
            append(key, item);
        } else if (ofItem) {
            for (int index : itemKeyIndexes) {
                append(key, value(typed, keyValueIndexes[index], row, fields));
            }
        }
        return key.toString();
    }

    private static void append(StringBuilder key, Object value) {
        if (key.length() > 0) {
            key.append('|');
        }
        key.append(value);
    }

    /** A property's value, as a {@code String} if it is text held as bytes. */
    private static Object value(Object[] typed, int property, RowFields row, FieldBinding fields) {
        Object value = typed[property];
        if (value == row && row != null) {
            return row.get(fields.column(property));
        }
        return value instanceof AsciiText text ? text.toString() : value;
    }

    /** Where each property is read from in one list of field names, and where the objects and arrays are. */
    public record FieldBinding(int[] columns, List<String> missingRequired, List<String> undeclared,
            Nesting.Binding nesting) {

        static FieldBinding of(List<ContractProperty> properties, boolean[] needsValue, Nesting nesting,
                List<String> names) {
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.putIfAbsent(names.get(i), i);
            }
            int[] columns = new int[properties.size()];
            List<String> missing = new ArrayList<>();
            Set<String> declared = new HashSet<>(nesting.sourceNames());
            for (int i = 0; i < properties.size(); i++) {
                ContractProperty p = properties.get(i);
                columns[i] = byName.getOrDefault(p.sourceName(), -1);
                if (columns[i] < 0 && needsValue[i]) {
                    missing.add(p.sourceName());
                }
                declared.add(p.sourceName());
            }
            List<String> undeclared = names.stream().filter(n -> !declared.contains(n)).toList();
            return new FieldBinding(columns, List.copyOf(missing), undeclared, nesting.bind(names, columns));
        }

        int column(int property) {
            return columns[property];
        }
    }
}
