package io.tributary.catalog.contract;

import java.util.Map;
import java.util.Optional;

/**
 * One property of a contract's schema object.
 *
 * @param logicalTypeOptions the ODCS {@code logicalTypeOptions} as given (format, minimum, pattern...)
 */
public record ContractProperty(
        String name,
        String physicalName,
        LogicalType logicalType,
        boolean required,
        boolean primaryKey,
        int primaryKeyPosition,
        Map<String, Object> logicalTypeOptions) {

    /** The column or field this property is read from: its physical name, else its name. */
    public String sourceName() {
        return physicalName != null ? physicalName : name;
    }

    public Optional<String> format() {
        return Optional.ofNullable(logicalTypeOptions.get("format")).map(Object::toString);
    }
}
