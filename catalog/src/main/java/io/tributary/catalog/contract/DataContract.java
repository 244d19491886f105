package io.tributary.catalog.contract;

import java.util.Comparator;
import java.util.List;

/**
 * The part of an ODCS contract that the pipeline enforces: the schema object that describes one dataset.
 *
 * @param id the contract's {@code id}
 * @param version the contract's own {@code version} string
 * @param quality the schema object's own {@code quality} rules ({@code rowCount}, multi-column
 *        {@code duplicateValues}, sql, custom...): all about the dataset as a whole, none applied per record
 */
public record DataContract(String id, String version, String status, String objectName,
        List<ContractProperty> properties, List<QualityRule> quality) {

    public DataContract {
        quality = quality == null ? List.of() : List.copyOf(quality);
    }

    /** A contract whose schema object has no quality rules of its own. */
    public DataContract(String id, String version, String status, String objectName,
            List<ContractProperty> properties) {
        this(id, version, status, objectName, properties, List.of());
    }

    /** Primary-key properties in key order; empty when the contract declares none. */
    public List<ContractProperty> primaryKey() {
        return properties.stream()
                .filter(ContractProperty::primaryKey)
                .sorted(Comparator.comparingInt(ContractProperty::primaryKeyPosition))
                .toList();
    }
}
