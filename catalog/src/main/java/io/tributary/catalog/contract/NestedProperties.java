package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a schema object's properties, down through {@code object} properties with {@code properties} and the
 * {@code items} of one {@code array} property, into the fields of its records named by path and the containers they
 * are in (decision 0030). The structure was checked by {@link OdcsValidator}; what is checked here is what Tributary
 * needs of it, each problem with its JSON path:
 * <ul>
 * <li>one array of objects at most is exploded into records, and not one inside the items of another;</li>
 * <li>an object or array with properties is not a value: no {@code primaryKey} and no {@code quality} of its own;</li>
 * <li>the names in an object's {@code logicalTypeOptions.required} are its properties, which it makes required;</li>
 * <li>properties nest at most {@value #MAX_DEPTH} levels deep.</li>
 * </ul>
 * An object without {@code properties}, and an array whose items have none, hold a value: their JSON text.
 */
final class NestedProperties {

    /** How deep objects and arrays with properties may nest in a schema object. */
    static final int MAX_DEPTH = 16;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() {
    };

    /** Where the properties being read are: under which names, which container, how deep. */
    private record Scope(String name, String physicalName, String parent, String array, int depth,
            Set<String> requiredNames, String classification) {

        static final Scope TOP = new Scope(null, null, null, null, 0, Set.of(), null);

        String nameOf(String own) {
            return name == null ? own : name + "." + own;
        }

        /** The physical path when this level or one above has a physical name; else null. */
        String physicalNameOf(String own, String ownPhysical) {
            if (physicalName == null && ownPhysical == null) {
                return null;
            }
            String above = physicalName != null ? physicalName : name;
            String here = ownPhysical != null ? ownPhysical : own;
            return above == null ? here : above + "." + here;
        }

        /** The properties of a container; a classified container classifies what it holds. */
        Scope inside(ContainerProperty container, String array, Set<String> required, JsonNode node) {
            return new Scope(container.name(), container.physicalName(), container.name(), array, depth + 1,
                    required, classificationOf(node, this));
        }
    }

    /** A property's own {@code classification}, else that of the object or array it is in. */
    private static String classificationOf(JsonNode node, Scope scope) {
        return node.hasNonNull("classification") ? node.get("classification").asText() : scope.classification();
    }

    final List<ContractProperty> properties = new ArrayList<>();
    final List<ContainerProperty> containers = new ArrayList<>();
    private final List<String> problems;
    private ContainerProperty exploded;

    NestedProperties(List<String> problems) {
        this.problems = problems;
    }

    /** Reads the schema object's {@code properties} list found at {@code path}. */
    void read(JsonNode list, String path) {
        read(list, path, Scope.TOP);
    }

    private void read(JsonNode list, String path, Scope scope) {
        for (int i = 0; i < list.size(); i++) {
            property(list.get(i), path + ".properties[" + i + "]", scope);
        }
    }

    private void property(JsonNode node, String path, Scope scope) {
        String own = node.get("name").asText();
        String name = scope.nameOf(own);
        String physicalName = scope.physicalNameOf(own, node.has("physicalName")
                ? node.get("physicalName").asText()
                : null);
        LogicalType type = LogicalType.fromOdcs(node.path("logicalType").asText("string")).orElseThrow();
        boolean required = node.path("required").asBoolean(false) || scope.requiredNames().contains(own);
        JsonNode items = node.get("items");
        if (type == LogicalType.OBJECT && node.has("properties")) {
            object(node, path, scope, name, physicalName, required);
        } else if (type == LogicalType.ARRAY && items != null && items.has("properties")) {
            array(node, path, scope, name, physicalName, required);
        } else {
            leaf(node, path, scope, name, physicalName, type, required);
        }
    }

    private void object(JsonNode node, String path, Scope scope, String name, String physicalName,
            boolean required) {
        if (!notTooDeep(path, scope)) {
            return;
        }
        notAValue(node, path, "an object with properties");
        TypeOptions.check(node.get("logicalTypeOptions"), LogicalType.OBJECT, path + ".logicalTypeOptions",
                problems);
        ContainerProperty object = new ContainerProperty(name, physicalName, LogicalType.OBJECT, required,
                scope.parent(), null, null);
        containers.add(object);
        nested(node, path, scope.inside(object, scope.array(), requiredNames(node, path), node));
    }

    private void array(JsonNode node, String path, Scope scope, String name, String physicalName,
            boolean required) {
        JsonNode items = node.get("items");
        String itemsPath = path + ".items";
        if (scope.array() != null) {
            problems.add(itemsPath + ".properties: an array of objects inside the items of '" + scope.array()
                    + "' is not exploded; leave out the properties of its items to keep it whole as JSON text");
            return;
        }
        if (exploded != null) {
            problems.add(itemsPath + ".properties: the items of '" + exploded.name() + "' are exploded into records "
                    + "already, and a record is one item of one array; leave out the properties of the items of '"
                    + name + "' to keep it whole as JSON text");
            return;
        }
        if (!notTooDeep(path, scope)) {
            return;
        }
        if (items.has("logicalType") && !"object".equals(items.get("logicalType").asText())) {
            problems.add(itemsPath + ".logicalType: items with properties are objects, found '"
                    + items.get("logicalType").asText() + "'");
        }
        notAValue(node, path, "an array of objects");
        notAValue(items, itemsPath, "the items of an array of objects");
        JsonNode options = node.get("logicalTypeOptions");
        TypeOptions.check(options, LogicalType.ARRAY, path + ".logicalTypeOptions", problems);
        TypeOptions.check(items.get("logicalTypeOptions"), LogicalType.OBJECT, itemsPath + ".logicalTypeOptions",
                problems);
        Long minItems = count(options, "minItems");
        Long maxItems = count(options, "maxItems");
        if (minItems != null && maxItems != null && minItems > maxItems) {
            problems.add(path + ".logicalTypeOptions: minItems " + minItems + " is greater than maxItems " + maxItems
                    + ", so no array can be valid");
        }
        exploded = new ContainerProperty(name, physicalName, LogicalType.ARRAY, required, scope.parent(), minItems,
                maxItems);
        containers.add(exploded);
        nested(items, itemsPath, scope.inside(exploded, name, requiredNames(items, itemsPath), node));
    }

    private void nested(JsonNode node, String path, Scope inside) {
        JsonNode list = node.get("properties");
        if (list.isEmpty()) {
            problems.add(path + ".properties: is empty; leave it out to keep the value whole as JSON text");
        }
        read(list, path, inside);
    }

    private void leaf(JsonNode node, String path, Scope scope, String name, String physicalName, LogicalType type,
            boolean required) {
        Map<String, Object> options = node.has("logicalTypeOptions")
                ? JSON.convertValue(node.get("logicalTypeOptions"), OPTIONS)
                : Map.of();
        TypeOptions.check(node.get("logicalTypeOptions"), type, path + ".logicalTypeOptions", problems);
        List<QualityRule> quality = QualityReader.read(node.get("quality"), path + ".quality", type, problems);
        properties.add(new ContractProperty(name, physicalName, type, required,
                node.path("primaryKey").asBoolean(false),
                node.path("primaryKeyPosition").asInt(-1),
                new LinkedHashMap<>(options),
                quality,
                scope.parent(),
                classificationOf(node, scope)));
    }

    private boolean notTooDeep(String path, Scope scope) {
        if (scope.depth() >= MAX_DEPTH) {
            problems.add(path + ": objects and arrays with properties nest deeper than " + MAX_DEPTH + " levels");
            return false;
        }
        return true;
    }

    /** An object or array with properties holds no value of its own: no key, no quality rules. */
    private void notAValue(JsonNode node, String path, String what) {
        if (node.path("primaryKey").asBoolean(false)) {
            problems.add(path + ".primaryKey: " + what + " is not a value; make its properties the key");
        }
        if (node.path("quality").size() > 0) {
            problems.add(path + ".quality: " + what + " is not a value; give its properties the rules");
        }
    }

    /** The names an object's {@code logicalTypeOptions.required} lists, each one of its properties. */
    private Set<String> requiredNames(JsonNode node, String path) {
        JsonNode list = node.path("logicalTypeOptions").get("required");
        if (list == null) {
            return Set.of();
        }
        String at = path + ".logicalTypeOptions.required";
        if (!list.isArray()) {
            problems.add(at + ": must be an array of property names");
            return Set.of();
        }
        Set<String> declared = new HashSet<>();
        node.get("properties").forEach(p -> declared.add(p.path("name").asText()));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isTextual()) {
                problems.add(at + "[" + i + "]: must be a property name, found " + item);
            } else if (!declared.contains(item.asText())) {
                problems.add(at + "[" + i + "]: '" + item.asText() + "' is not a property of this object");
            } else if (!names.add(item.asText())) {
                problems.add(at + "[" + i + "]: '" + item.asText() + "' is listed more than once");
            }
        }
        return names;
    }

    private static Long count(JsonNode options, String key) {
        JsonNode node = options == null ? null : options.get(key);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0
                ? node.asLong()
                : null;
    }
}
