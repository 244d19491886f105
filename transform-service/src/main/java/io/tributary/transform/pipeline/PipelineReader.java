package io.tributary.transform.pipeline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.document.DocumentFormat;
import io.tributary.catalog.document.VersionedDocument;
import io.tributary.catalog.name.PipelineName;

/** Reads a pipeline definition (YAML or JSON) and reports every problem with its JSON path. */
public final class PipelineReader {

    private static final Set<String> TOP_LEVEL = Set.of("name", "dataset", "kind", "key", "eventTime", "lateness",
            "steps", "aggregate", "features");

    private final List<String> problems = new ArrayList<>();

    private PipelineReader() {
    }

    /** @throws PipelineException listing every problem of the document */
    public static PipelineDefinition read(String text, boolean yaml) {
        return read((yaml ? DocumentFormat.YAML : DocumentFormat.JSON).read(text, "pipeline", PipelineException::new));
    }

    /** A stored version's definition. */
    public static PipelineDefinition read(VersionedDocument stored) {
        return read(DocumentFormat.of(stored.sentMediaType()).read(stored.sentText(), "pipeline",
                PipelineException::new));
    }

    /** @throws PipelineException listing every problem of the document */
    public static PipelineDefinition read(JsonNode document) {
        if (!document.isObject()) {
            throw new PipelineException(List.of("$: a pipeline is an object with a name, a dataset and steps"));
        }
        PipelineReader reader = new PipelineReader();
        PipelineDefinition definition = reader.definition(document);
        if (!reader.problems.isEmpty()) {
            throw new PipelineException(reader.problems);
        }
        return definition;
    }

    private PipelineDefinition definition(JsonNode root) {
        root.fieldNames().forEachRemaining(field -> {
            if (!TOP_LEVEL.contains(field)) {
                problems.add("$." + field + ": unknown; a pipeline has " + String.join(", ", TOP_LEVEL));
            }
        });
        String name = text(root, "name", "$.name", true);
        if (name != null) {
            PipelineName.RULE.check("$.name", name, problems);
        }
        String dataset = text(root, "dataset", "$.dataset", true);
        PipelineDefinition.Kind kind = PipelineDefinition.Kind.FACT;
        String kindText = text(root, "kind", "$.kind", false);
        if (kindText != null) {
            try {
                kind = PipelineDefinition.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("$.kind: '" + kindText + "' is not fact or reference");
            }
        }
        List<String> key = root.has("key") ? texts(root.get("key"), "$.key") : List.of();
        Duration lateness = duration(root, "lateness");
        List<Step> steps = new ArrayList<>();
        JsonNode list = root.path("steps");
        if (!list.isMissingNode() && !list.isArray()) {
            problems.add("$.steps: must be a list of steps");
        }
        for (int i = 0; i < list.size(); i++) {
            steps.addAll(step(list.get(i), "$.steps[" + i + "]"));
        }
        return new PipelineDefinition(name, dataset, kind, key, text(root, "eventTime", "$.eventTime", false),
                lateness, steps, aggregate(root.get("aggregate")), features(root.get("features")));
    }

    private List<Step> step(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.size() != 1) {
            problems.add(path + ": a step is an object with one of rename, cast, normalise, map, timezone, derive, "
                    + "filter, lookup");
            return List.of();
        }
        String type = node.fieldNames().next();
        JsonNode body = node.get(type);
        String at = path + "." + type;
        return switch (type) {
            case "rename" -> List.of(new Step.Rename(map(body, at, Function.identity())));
            case "cast" -> List.of(new Step.Cast(map(body, at, label -> fieldType(label, at))));
            case "normalise", "normalize" -> List.of(normalise(body, at));
            case "map" -> List.of(new Step.MapValues(text(body, "field", at + ".field", true),
                    map(body.path("values"), at + ".values", Function.identity()),
                    option(body, "otherwise", at, Step.Unmapped.class, Step.Unmapped.KEEP)));
            case "timezone" -> List.of(new Step.ToUtc(text(body, "field", at + ".field", true),
                    text(body, "zone", at + ".zone", false), text(body, "format", at + ".format", false)));
            case "derive" -> derive(body, at);
            case "filter" -> List.of(new Step.Filter(scalar(body, at)));
            case "lookup" -> List.of(new Step.Lookup(text(body, "reference", at + ".reference", true),
                    text(body, "key", at + ".key", true),
                    body.has("fields") ? texts(body.get("fields"), at + ".fields") : List.of()));
            default -> {
                problems.add(path + ": unknown step '" + type + "'; steps are rename, cast, normalise, map, "
                        + "timezone, derive, filter, lookup");
                yield List.of();
            }
        };
    }

    private Step normalise(JsonNode body, String at) {
        if (body.isArray()) {
            return new Step.Normalise(texts(body, at), Step.TextCase.KEEP);
        }
        return new Step.Normalise(texts(body.path("fields"), at + ".fields"),
                option(body, "case", at, Step.TextCase.class, Step.TextCase.KEEP));
    }

    private List<Step> derive(JsonNode body, String at) {
        List<Step> derived = new ArrayList<>();
        if (!body.isObject() || body.isEmpty()) {
            problems.add(at + ": give each derived field its expression, e.g. net: \"sales - discount * sales\"");
            return derived;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = at + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                derived.add(new Step.Derive(entry.getKey(), value.asText(), null));
            } else {
                String type = text(value, "type", path + ".type", false);
                derived.add(new Step.Derive(entry.getKey(), text(value, "expression", path + ".expression", true),
                        type == null ? null : fieldType(type, path + ".type")));
            }
        }
        return derived;
    }

    private PipelineDefinition.Aggregate aggregate(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new PipelineDefinition.Aggregate(texts(node.path("dimensions"), "$.aggregate.dimensions"),
                texts(node.path("measures"), "$.aggregate.measures"));
    }

    private PipelineDefinition.Features features(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new PipelineDefinition.Features(text(node, "customer", "$.features.customer", true),
                text(node, "order", "$.features.order", true), text(node, "product", "$.features.product", true),
                text(node, "quantity", "$.features.quantity", false));
    }

    private Duration duration(JsonNode root, String field) {
        String value = text(root, field, "$." + field, false);
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                problems.add("$." + field + ": must not be negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add("$." + field + ": '" + value + "' is not an ISO-8601 duration such as PT1H or P2D");
            return null;
        }
    }

    private FieldType fieldType(String label, String path) {
        return FieldType.fromLabel(label).orElseGet(() -> {
            problems.add(path + ": '" + label + "' is not a type; types are " + FieldType.labels());
            return null;
        });
    }

    private <E extends Enum<E>> E option(JsonNode node, String field, String at, Class<E> type, E otherwise) {
        String value = text(node, field, at + "." + field, false);
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + "." + field + ": '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
            return otherwise;
        }
    }

    private <V> Map<String, V> map(JsonNode node, String path, Function<String, V> value) {
        Map<String, V> map = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problems.add(path + ": must be a non-empty object");
            return map;
        }
        node.fields().forEachRemaining(e -> map.put(e.getKey(), value.apply(scalar(e.getValue(), path + "."
                + e.getKey()))));
        return map;
    }

    private String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path + ": required");
            }
            return null;
        }
        return scalar(value, path);
    }

    private String scalar(JsonNode value, String path) {
        if (!value.isValueNode() || value.asText().isBlank()) {
            problems.add(path + ": must be a non-empty text");
            return null;
        }
        return value.asText();
    }

    private List<String> texts(JsonNode node, String path) {
        if (!node.isArray()) {
            problems.add(path + ": must be a list of field names");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            texts.add(scalar(node.get(i), path + "[" + i + "]"));
        }
        return texts;
    }
}
