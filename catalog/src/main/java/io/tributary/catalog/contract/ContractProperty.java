package io.tributary.catalog.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One property of a contract's schema object that holds a value: a field of the records. A property nested in an object
 * or in the items of an array is named by its path ({@code customer.id}, {@code items.sales}), as a record's fields are
 * (decision 0030); the objects and arrays it is nested in are {@link ContainerProperty containers}.
 *
 * @param name the path of names from the schema object down, joined by dots
 * @param physicalName the path of the field in the source, when some level of it has a physical name; else null
 * @param logicalTypeOptions the ODCS {@code logicalTypeOptions} as given (format, minimum, pattern...); numbers are
 *        {@link java.math.BigDecimal} or integral {@link Number}s, dates and timestamps ISO text
 * @param quality the property's ODCS {@code quality} rules, in the order given; see {@link QualityRule} for which of
 *        them apply to each record and which are about the whole dataset
 * @param parent the name of the object or array the property is nested in ({@link ContainerProperty}), or null for a
 *        property of the schema object itself
 * @param classification the ODCS {@code classification} as given ({@code personal}, {@code restricted}, {@code public}
 *        ...), or null; see {@link io.tributary.catalog.masking.PersonalData} for which ones are masked
 */
public record ContractProperty(
        String name,
        String physicalName,
        LogicalType logicalType,
        boolean required,
        boolean primaryKey,
        int primaryKeyPosition,
        Map<String, Object> logicalTypeOptions,
        List<QualityRule> quality,
        String parent,
        String classification) {

    public ContractProperty {
        logicalTypeOptions = logicalTypeOptions == null ? Map.of() : logicalTypeOptions;
        quality = quality == null ? List.of() : List.copyOf(quality);
    }

    /** A property without classification. */
    public ContractProperty(String name, String physicalName, LogicalType logicalType, boolean required,
            boolean primaryKey, int primaryKeyPosition, Map<String, Object> logicalTypeOptions,
            List<QualityRule> quality, String parent) {
        this(name, physicalName, logicalType, required, primaryKey, primaryKeyPosition, logicalTypeOptions, quality,
                parent, null);
    }

    /** A property of the schema object itself. */
    public ContractProperty(String name, String physicalName, LogicalType logicalType, boolean required,
            boolean primaryKey, int primaryKeyPosition, Map<String, Object> logicalTypeOptions,
            List<QualityRule> quality) {
        this(name, physicalName, logicalType, required, primaryKey, primaryKeyPosition, logicalTypeOptions, quality,
                null);
    }

    /** A property of the schema object itself, without quality rules. */
    public ContractProperty(String name, String physicalName, LogicalType logicalType, boolean required,
            boolean primaryKey, int primaryKeyPosition, Map<String, Object> logicalTypeOptions) {
        this(name, physicalName, logicalType, required, primaryKey, primaryKeyPosition, logicalTypeOptions, List.of());
    }

    /** The column or field this property is read from: its physical name, else its name. */
    public String sourceName() {
        return physicalName != null ? physicalName : name;
    }

    /** This property with other {@code logicalTypeOptions}, everything else kept. */
    public ContractProperty withOptions(Map<String, Object> options) {
        return new ContractProperty(name, physicalName, logicalType, required, primaryKey, primaryKeyPosition, options,
                quality, parent, classification);
    }

    public Optional<String> format() {
        return Optional.ofNullable(logicalTypeOptions.get("format")).map(Object::toString);
    }

    /**
     * The texts that count as missing besides null and blank text: the {@code arguments.missingValues} of every
     * {@code missingValues} rule, whatever its threshold or severity, compared with the value stripped of surrounding
     * white space.
     */
    public Set<String> missingTexts() {
        Set<String> texts = new LinkedHashSet<>();
        for (QualityRule rule : quality) {
            if (rule.metric() == QualityRule.Metric.MISSING_VALUES) {
                rule.missingValues().forEach(t -> texts.add(t.strip()));
            }
        }
        return texts;
    }

    /** The quality rules decided for each record on its own ({@link QualityRule#appliesPerRecord()}). */
    public List<QualityRule> perRecordQuality() {
        return quality.stream().filter(QualityRule::appliesPerRecord).toList();
    }

    /**
     * Whether every record (every item, for a property of the items) must have a value: the property is required, part
     * of the primary key, or has a per-record {@code nullValues} or {@code missingValues} rule.
     */
    public boolean requiresValue() {
        return required || primaryKey || perRecordQuality().stream()
                .anyMatch(r -> r.metric() == QualityRule.Metric.NULL_VALUES
                        || r.metric() == QualityRule.Metric.MISSING_VALUES);
    }
}
