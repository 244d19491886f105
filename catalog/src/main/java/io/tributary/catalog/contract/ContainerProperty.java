package io.tributary.catalog.contract;

/**
 * An {@code object} property with {@code properties}, or an {@code array} property whose {@code items} are objects with
 * {@code properties}: not a field of the records itself, but the path its properties are named under (decision 0030).
 * The one array of a contract is exploded: each of its items is a record of its own.
 *
 * @param name the path of names from the schema object down, joined by dots ({@code customer}, {@code items})
 * @param physicalName the path in the source, when some level of it has a physical name; else null
 * @param logicalType {@link LogicalType#OBJECT} or {@link LogicalType#ARRAY}
 * @param required whether the object or array must be there, not absent and not null
 * @param parent the name of the object or array it is nested in, or null for a property of the schema object itself
 * @param minItems the array's {@code logicalTypeOptions.minItems}, or null (and for an object)
 * @param maxItems the array's {@code logicalTypeOptions.maxItems}, or null (and for an object)
 */
public record ContainerProperty(String name, String physicalName, LogicalType logicalType, boolean required,
        String parent, Long minItems, Long maxItems) {

    /** The path of the object or array in the source: its physical path, else its name. */
    public String sourceName() {
        return physicalName != null ? physicalName : name;
    }

    public boolean isArray() {
        return logicalType == LogicalType.ARRAY;
    }
}
