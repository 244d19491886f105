package io.tributary.catalog.contract;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The part of an ODCS contract that the pipeline enforces: the schema object that describes one dataset.
 *
 * @param id the contract's {@code id}
 * @param version the contract's own {@code version} string
 * @param properties the fields of the records: every property that holds a value, nested ones named by their path, in
 *        the order declared
 * @param quality the schema object's own {@code quality} rules ({@code rowCount}, multi-column
 *        {@code duplicateValues}, sql, custom...): all about the dataset as a whole, none applied per record
 * @param containers the objects and arrays the nested properties are in, in the order declared
 */
public record DataContract(String id, String version, String status, String objectName,
        List<ContractProperty> properties, List<QualityRule> quality, List<ContainerProperty> containers) {

    public DataContract {
        properties = List.copyOf(properties);
        quality = quality == null ? List.of() : List.copyOf(quality);
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    /** A contract without nested properties. */
    public DataContract(String id, String version, String status, String objectName,
            List<ContractProperty> properties, List<QualityRule> quality) {
        this(id, version, status, objectName, properties, quality, List.of());
    }

    /** A contract without nested properties whose schema object has no quality rules of its own. */
    public DataContract(String id, String version, String status, String objectName,
            List<ContractProperty> properties) {
        this(id, version, status, objectName, properties, List.of(), List.of());
    }

    /** This contract with other properties, everything else kept. */
    public DataContract withProperties(List<ContractProperty> others) {
        return new DataContract(id, version, status, objectName, others, quality, containers);
    }

    /** The properties that make the key of a record, in key order; empty when the contract declares none. */
    public List<ContractProperty> primaryKey() {
        return keyOf(false);
    }

    /**
     * The properties that make the key of an item of the exploded array within its record, in key order: the key
     * properties declared in its items; empty when they declare none.
     */
    public List<ContractProperty> itemKey() {
        return keyOf(true);
    }

    /**
     * Whether the key of a record made of an item ends with the item's position in its array: the contract explodes an
     * array whose items declare no key of their own, and the record has a key. Without any key, a record is known by
     * its text, which for an item holds only that item.
     */
    public boolean keyedByItemPosition() {
        return explodedArray().isPresent() && itemKey().isEmpty() && !primaryKey().isEmpty();
    }

    /** The array whose items are records of their own, if the contract declares one. */
    public Optional<ContainerProperty> explodedArray() {
        return containers.stream().filter(ContainerProperty::isArray).findFirst();
    }

    /** The container of this name, if the contract declares one. */
    public Optional<ContainerProperty> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether a property or container nested in {@code parent} (null: at the top) is within the exploded array. */
    public boolean inItems(String parent) {
        for (String at = parent; at != null;) {
            ContainerProperty container = container(at).orElseThrow(
                    () -> new IllegalArgumentException("no object or array '" + parent + "' in the contract"));
            if (container.isArray()) {
                return true;
            }
            at = container.parent();
        }
        return false;
    }

    /**
     * Whether every record must have a value of the property: it requires one ({@link ContractProperty#requiresValue})
     * and so does every object or array it is nested in (required; an array with at least one item). A property of an
     * optional object requires a value only where the object is there.
     */
    public boolean requiredInEveryRecord(ContractProperty property) {
        if (!property.requiresValue()) {
            return false;
        }
        for (String at = property.parent(); at != null;) {
            ContainerProperty container = container(at).orElseThrow();
            if (!container.required() || container.isArray() && (container.minItems() == null
                    || container.minItems() < 1)) {
                return false;
            }
            at = container.parent();
        }
        return true;
    }

    private List<ContractProperty> keyOf(boolean items) {
        return properties.stream()
                .filter(p -> p.primaryKey() && inItems(p.parent()) == items)
                .sorted(Comparator.comparingInt(ContractProperty::primaryKeyPosition))
                .toList();
    }
}
