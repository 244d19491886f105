package io.tributary.ingestion.enforcement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.contract.ContainerProperty;
import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * The objects and arrays a contract nests properties in, checked on each flattened record (decision 0030): which of
 * them the record has, and whether each has the shape declared.
 * <ul>
 * <li>An object is there when the record has a field inside it, or the object itself as a value ({@code {}});
 * {@code null} or nothing is not there. A value other than {@code {}} or {@code null} where an object is declared
 * breaks its {@code logicalType}.</li>
 * <li>The exploded array is there when the record is one of its items, or is empty ({@code []}), and holds fields only
 * in the first case. A record with fields
 * inside the array that is no item of it had an object there, and one with another value had values that are not
 * objects: both break its {@code logicalType}. Its {@code minItems} and {@code maxItems} limit the number of items.</li>
 * <li>{@code required} applies to an object or array inside another only where that one is there; so does it to a
 * property: a property of an absent optional object, or of the items of an order without items, is not missing.</li>
 * </ul>
 * Not thread-safe: the presence of each container is kept in an array reused from record to record.
 */
final class Nesting {

    private final ContainerProperty[] containers;
    /** For each container, and for each property, the index of the container it is in; -1 at the top. */
    private final int[] containerParents;
    private final int[] propertyParents;
    private final String[] columnNames;
    private final boolean[] present;

    Nesting(DataContract contract) {
        this.containers = contract.containers().toArray(ContainerProperty[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < containers.length; i++) {
            index.put(containers[i].name(), i);
        }
        this.containerParents = new int[containers.length];
        for (int i = 0; i < containers.length; i++) {
            containerParents[i] = parent(index, containers[i].parent());
        }
        List<ContractProperty> properties = contract.properties();
        this.propertyParents = new int[properties.size()];
        for (int i = 0; i < propertyParents.length; i++) {
            propertyParents[i] = parent(index, properties.get(i).parent());
        }
        this.columnNames = new String[containers.length];
        for (int i = 0; i < containers.length; i++) {
            columnNames[i] = "'" + containers[i].sourceName() + "'";
        }
        this.present = new boolean[containers.length];
    }

    private static int parent(Map<String, Integer> index, String name) {
        return name == null ? -1 : index.get(name);
    }

    boolean isEmpty() {
        return containers.length == 0;
    }

    /** The source paths of the containers: fields a record may have for them ({@code {}}, {@code []}, null). */
    List<String> sourceNames() {
        List<String> names = new ArrayList<>();
        for (ContainerProperty c : containers) {
            names.add(c.sourceName());
        }
        return names;
    }

    /** Where the containers are in one list of field names. */
    Binding bind(List<String> names, int[] propertyColumns) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(names.get(i), i);
        }
        int[] columns = new int[containers.length];
        boolean[] fieldsInside = new boolean[containers.length];
        for (int i = 0; i < containers.length; i++) {
            columns[i] = byName.getOrDefault(containers[i].sourceName(), -1);
        }
        for (int p = 0; p < propertyParents.length; p++) {
            if (propertyColumns[p] >= 0) {
                for (int c = propertyParents[p]; c >= 0 && !fieldsInside[c]; c = containerParents[c]) {
                    fieldsInside[c] = true;
                }
            }
        }
        for (int i = 0; i < containers.length; i++) {
            if (columns[i] >= 0) {
                for (int c = containerParents[i]; c >= 0 && !fieldsInside[c]; c = containerParents[c]) {
                    fieldsInside[c] = true;
                }
            }
        }
        return new Binding(columns, fieldsInside);
    }

    /** Where each container's own value is ({@code -1}: nowhere), and whether the names hold a field inside it. */
    record Binding(int[] columns, boolean[] fieldsInside) {
    }

    /**
     * Works out which containers the record has, in the order declared (a container comes after the one it is in); the
     * first violation of one of them, or null.
     */
    Violation check(SourceRecord record, List<String> values, Binding binding) {
        for (int i = 0; i < containers.length; i++) {
            ContainerProperty c = containers[i];
            present[i] = false;
            int parent = containerParents[i];
            if (parent >= 0 && !present[parent]) {
                continue;
            }
            int column = binding.columns()[i];
            String value = column < 0 ? null : values.get(column);
            Violation violation = c.isArray()
                    ? array(i, c, record, value, binding.fieldsInside()[i])
                    : object(i, c, value, binding.fieldsInside()[i]);
            if (violation != null) {
                return violation;
            }
            boolean there = present[i] || c.isArray() && "[]".equals(value);
            if (c.required() && !there) {
                return new Violation(c.name(), "required", null, columnNames[i] + " is required and is "
                        + (column < 0 ? "absent" : "null"));
            }
        }
        return null;
    }

    private Violation object(int i, ContainerProperty c, String value, boolean fieldsInside) {
        if (value != null && !value.equals("{}")) {
            return new Violation(c.name(), "logicalType", value, columnNames[i] + " must be an object, found "
                    + value);
        }
        present[i] = fieldsInside || value != null;
        return null;
    }

    private Violation array(int i, ContainerProperty c, SourceRecord record, String value, boolean fieldsInside) {
        int count;
        if (record.item() > 0) {
            count = record.items();
        } else if (fieldsInside) {
            return new Violation(c.name(), "logicalType", null, columnNames[i] + " must be an array of objects, "
                    + "found an object");
        } else if (value != null && !value.equals("[]")) {
            return new Violation(c.name(), "logicalType", value, columnNames[i] + " must be an array of objects, "
                    + "found " + value);
        } else if (value == null) {
            return null;
        } else {
            count = 0;
        }
        // an empty array is there, but holds no fields
        present[i] = count > 0;
        if (c.minItems() != null && count < c.minItems()) {
            return new Violation(c.name(), "minItems", Integer.toString(count), columnNames[i] + " has " + count
                    + (count == 1 ? " item" : " items") + ", fewer than minItems " + c.minItems());
        }
        if (c.maxItems() != null && count > c.maxItems()) {
            return new Violation(c.name(), "maxItems", Integer.toString(count), columnNames[i] + " has " + count
                    + " items, more than maxItems " + c.maxItems());
        }
        return null;
    }

    /** Whether the record has the object or array the property is in (true at the top), after {@link #check}. */
    boolean holds(int property) {
        int parent = propertyParents[property];
        return parent < 0 || present[parent];
    }
}
