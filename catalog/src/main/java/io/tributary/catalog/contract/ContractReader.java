package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.document.DocumentFormat;

/** Reads ODCS v3 documents (YAML or JSON) into the checked {@link DataContract} of one dataset. */
public final class ContractReader {

    public enum Syntax {
        JSON,
        YAML
    }

    private ContractReader() {
    }

    /** Parses the text of a contract; a syntax error is reported with its line and column. */
    public static JsonNode parse(String text, Syntax syntax) {
        return format(syntax).read(text, "contract", ContractException::new);
    }

    /**
     * Checks the document as ODCS, then reads the schema object that describes {@code dataset}: its properties, those
     * nested in objects and in the items of an array named by their path (decision 0030).
     */
    public static DataContract read(JsonNode document, String dataset) {
        List<String> problems = OdcsValidator.validate(document);
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        int index = objectIndex(document.path("schema"), dataset);
        String path = "$.schema[" + index + "]";
        JsonNode object = document.get("schema").get(index);
        NestedProperties nested = new NestedProperties(problems);
        nested.read(object.path("properties"), path);
        DataContract contract = new DataContract(document.get("id").asText(), document.get("version").asText(),
                document.get("status").asText(), object.get("name").asText(), nested.properties,
                objectQuality(object, path, nested.properties, problems), nested.containers);
        checkUnique(contract, path, problems);
        if (nested.properties.isEmpty()) {
            problems.add(path + ".properties: the schema object of dataset '" + dataset + "' declares no properties");
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return contract;
    }

    public static String toJson(JsonNode document) {
        return DocumentFormat.JSON.write(document);
    }

    public static String toYaml(JsonNode document) {
        return DocumentFormat.YAML.write(document);
    }

    private static DocumentFormat format(Syntax syntax) {
        return syntax == Syntax.YAML ? DocumentFormat.YAML : DocumentFormat.JSON;
    }

    private static int objectIndex(JsonNode schema, String dataset) {
        if (!schema.isArray() || schema.isEmpty()) {
            throw new ContractException(List.of("$.schema: the contract must describe dataset '" + dataset
                    + "' with a schema object"));
        }
        if (schema.size() == 1) {
            return 0;
        }
        for (int i = 0; i < schema.size(); i++) {
            if (dataset.equals(schema.get(i).path("name").asText())) {
                return i;
            }
        }
        throw new ContractException(List.of("$.schema: " + schema.size()
                + " schema objects and none is named '" + dataset + "'"));
    }

    /** A schema object's own rules; the properties a multi-column duplicateValues names must be the object's. */
    private static List<QualityRule> objectQuality(JsonNode object, String path, List<ContractProperty> properties,
            List<String> problems) {
        List<QualityRule> quality = QualityReader.read(object.get("quality"), path + ".quality", null, problems);
        Set<String> names = new HashSet<>();
        properties.forEach(p -> names.add(p.name()));
        JsonNode list = object.path("quality");
        for (int i = 0; i < list.size(); i++) {
            JsonNode named = list.get(i).path("arguments").path("properties");
            for (int j = 0; j < named.size(); j++) {
                if (named.get(j).isTextual() && !names.contains(named.get(j).asText())) {
                    problems.add(path + ".quality[" + i + "].arguments.properties[" + j + "]: '"
                            + named.get(j).asText() + "' is not a property of this schema object");
                }
            }
        }
        return quality;
    }

    /**
     * Names and source paths used once, containers included, and none read from inside an object or array it is not
     * declared in (the record's fields would be one); distinct key positions among the key properties of the record,
     * and among those of the items.
     */
    private static void checkUnique(DataContract contract, String path, List<String> problems) {
        Set<String> names = new HashSet<>();
        Set<String> sourceNames = new HashSet<>();
        List<Nameable> all = new ArrayList<>();
        contract.containers().forEach(c -> all.add(new Nameable(c.name(), c.sourceName(), c.parent())));
        contract.properties().forEach(p -> all.add(new Nameable(p.name(), p.sourceName(), p.parent())));
        for (Nameable n : all) {
            if (!names.add(n.name())) {
                problems.add(path + ".properties: property name '" + n.name() + "' appears more than once");
            }
            if (!sourceNames.add(n.sourceName())) {
                problems.add(path + ".properties: two properties read the same field '" + n.sourceName() + "'");
            }
            for (ContainerProperty c : contract.containers()) {
                if (n.sourceName().startsWith(c.sourceName() + ".") && !within(contract, n.parent(), c.name())) {
                    problems.add(path + ".properties: '" + n.name() + "' is read from '" + n.sourceName()
                            + "', inside '" + c.name() + "', but is not declared in its properties");
                }
            }
        }
        for (boolean items : new boolean[]{false, true}) {
            List<ContractProperty> key = items ? contract.itemKey() : contract.primaryKey();
            Set<Integer> positions = new HashSet<>();
            for (ContractProperty p : key) {
                if (key.size() > 1 && !positions.add(p.primaryKeyPosition())) {
                    problems.add(path + ".properties: primary key '" + p.name() + "' needs a primaryKeyPosition "
                            + "distinct from the other key properties" + (items ? " of the items" : ""));
                }
            }
        }
    }

    /** A property or container: how it is named, read, and nested. */
    private record Nameable(String name, String sourceName, String parent) {
    }

    /** Whether something nested in {@code parent} is inside the container {@code name}. */
    private static boolean within(DataContract contract, String parent, String name) {
        for (String at = parent; at != null; at = contract.container(at).map(ContainerProperty::parent).orElse(null)) {
            if (at.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
