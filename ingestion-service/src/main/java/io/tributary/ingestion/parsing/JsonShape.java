package io.tributary.ingestion.parsing;

import java.util.Set;
import java.util.stream.Collectors;

import io.tributary.catalog.contract.ContainerProperty;
import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.LogicalType;

/**
 * What a contract says of the shape of JSON records, for {@link JsonFlattener}: the array whose items are records of
 * their own, and the objects kept whole as their JSON text rather than flattened into fields (decision 0030). Paths
 * are the source's keys joined by dots, as flattened field names are.
 *
 * @param explode the path of the array to explode, or null to explode none
 * @param whole the paths of the objects that are one value each
 */
public record JsonShape(String explode, Set<String> whole) {

    /** Every object flattened, no array exploded. */
    public static final JsonShape FLAT = new JsonShape(null, Set.of());

    public JsonShape {
        whole = Set.copyOf(whole);
    }

    /** The shape of the contract's records: its exploded array, and its objects declared without properties. */
    public static JsonShape of(DataContract contract) {
        return new JsonShape(contract.explodedArray().map(ContainerProperty::sourceName).orElse(null),
                contract.properties().stream().filter(p -> p.logicalType() == LogicalType.OBJECT)
                        .map(ContractProperty::sourceName).collect(Collectors.toSet()));
    }

    /** The shape that explodes the array at this path and flattens every object. */
    public static JsonShape exploding(String path) {
        return new JsonShape(path, Set.of());
    }
}
