package io.tributary.catalog.contract;

import java.util.Comparator;
import java.util.List;

/**
 * The part of an ODCS contract that the pipeline enforces: the schema object that describes one dataset.
 *
 * @param id the contract's {@code id}
 * @param version the contract's own {@code version} string
 */
public record DataContract(String id, String version, String status, String objectName, List<ContractProperty> properties) {

    /** Primary-key properties in key order; empty when the contract declares none. */
    public List<ContractProperty> primaryKey() {
        return properties.stream()
                .filter(ContractProperty::primaryKey)
                .sorted(Comparator.comparingInt(ContractProperty::primaryKeyPosition))
                .toList();
    }
}
