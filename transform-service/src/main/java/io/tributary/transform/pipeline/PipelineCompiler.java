package io.tributary.transform.pipeline;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.tributary.catalog.contract.DateTimePatterns;

/**
 * Checks a pipeline definition against the fields its dataset's contract declares, following the fields and their
 * types through every step, and builds the steps that run on records.
 */
public final class PipelineCompiler {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private final Map<String, FieldType> schema = new LinkedHashMap<>();
    private final Map<String, Set<String>> lineage = new LinkedHashMap<>();
    /** The fields whose value is computed, not copied from the one field of their lineage. */
    private final Set<String> transformed = new LinkedHashSet<>();
    /** The fields whose value in the working row is already of their type, as {@link FieldType#coerce} gives it. */
    private final Set<String> typed = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Function<String, Optional<CompiledPipeline>> references;

    private PipelineCompiler(Function<String, Optional<CompiledPipeline>> references) {
        this.references = references;
    }

    /**
     * @param input the dataset's fields and their types, from its current contract
     * @param references finds the current version of a reference pipeline by name
     * @throws PipelineException listing every problem found
     */
    public static CompiledPipeline compile(PipelineDefinition definition, int version, Map<String, FieldType> input,
            Function<String, Optional<CompiledPipeline>> references) {
        PipelineCompiler compiler = new PipelineCompiler(references);
        input.forEach((field, type) -> {
            compiler.schema.put(field, type);
            compiler.lineage.put(field, Set.of(field));
            compiler.typed.add(field);
        });
        List<RowStep> steps = new ArrayList<>();
        for (Step step : definition.steps()) {
            steps.add(compiler.step(step, "$.steps (" + describe(step) + ")"));
        }
        compiler.checkEnd(definition);
        if (!compiler.problems.isEmpty()) {
            throw new PipelineException(compiler.problems);
        }
        Set<String> transformed = new LinkedHashSet<>(compiler.transformed);
        transformed.retainAll(compiler.schema.keySet());
        Map<String, FieldType> conversions = new LinkedHashMap<>(compiler.schema);
        conversions.keySet().removeAll(compiler.typed);
        return new CompiledPipeline(definition, version, new LinkedHashMap<>(input), compiler.schema,
                compiler.lineage, Set.copyOf(transformed), List.copyOf(steps), conversions);
    }

    private RowStep step(Step step, String at) {
        if (step instanceof Step.Rename rename) {
            return rename(rename, at);
        } else if (step instanceof Step.Cast cast) {
            cast.fields().forEach((field, type) -> {
                if (known(field, at) && type != null) {
                    if (schema.put(field, type) != type) {
                        transformed.add(field);
                    }
                    typed.add(field);
                }
            });
            return row -> {
                cast.fields().forEach((field, type) -> row.values.put(field,
                        CompiledPipeline.coerce(type, row.values.get(field), field)));
                return true;
            };
        } else if (step instanceof Step.Normalise normalise) {
            normalise.fields().stream().filter(field -> text(field, at)).forEach(field -> {
                transformed.add(field);
                typed.add(field);
            });
            return row -> {
                normalise.fields().forEach(field -> row.values.computeIfPresent(field,
                        (name, value) -> normalised(value.toString(), normalise.textCase())));
                return true;
            };
        } else if (step instanceof Step.MapValues map) {
            if (text(map.field(), at)) {
                transformed.add(map.field());
            }
            return row -> mapValue(map, row);
        } else if (step instanceof Step.ToUtc toUtc) {
            return toUtc(toUtc, at);
        } else if (step instanceof Step.Derive derive) {
            return derive(derive, at);
        } else if (step instanceof Step.Filter filter) {
            Expression expression = expression(filter.expression(), at);
            return row -> {
                Object keep = evaluate(expression, row, null);
                if (!(keep instanceof Boolean)) {
                    throw new RowFailure(null, "filter '" + filter.expression() + "' gave " + keep
                            + ", not true or false");
                }
                return (Boolean) keep;
            };
        } else {
            return lookup((Step.Lookup) step, at);
        }
    }

    private RowStep rename(Step.Rename rename, String at) {
        rename.fields().forEach((from, to) -> {
            if (known(from, at) && to != null) {
                if (schema.containsKey(to) && !to.equals(from)) {
                    problems.add(at + ": cannot rename '" + from + "' to '" + to + "', which already exists");
                    return;
                }
                Map<String, FieldType> renamed = new LinkedHashMap<>();
                schema.forEach((name, type) -> renamed.put(name.equals(from) ? to : name, type));
                schema.clear();
                schema.putAll(renamed);
                lineage.put(to, lineage.remove(from));
                if (transformed.remove(from)) {
                    transformed.add(to);
                }
                if (typed.remove(from)) {
                    typed.add(to);
                }
            }
        });
        return row -> {
            Map<String, Object> renamed = new LinkedHashMap<>();
            row.values.forEach((name, value) -> renamed.put(rename.fields().getOrDefault(name, name), value));
            row.values.clear();
            row.values.putAll(renamed);
            return true;
        };
    }

    private static boolean mapValue(Step.MapValues map, WorkingRow row) {
        Object value = row.values.get(map.field());
        if (value == null) {
            return true;
        }
        String mapped = map.values().get(value.toString());
        if (mapped != null) {
            row.values.put(map.field(), mapped);
        } else if (map.otherwise() == Step.Unmapped.NULL) {
            row.values.put(map.field(), null);
        } else if (map.otherwise() == Step.Unmapped.FAIL) {
            throw new RowFailure(map.field(), "field '" + map.field() + "': '" + value + "' is not one of the mapped "
                    + "values " + map.values().keySet());
        }
        return true;
    }

    private RowStep toUtc(Step.ToUtc step, String at) {
        ZoneId fixed = null;
        DateTimeFormatter format = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        try {
            fixed = step.zone() == null ? null : ZoneId.of(step.zone());
        } catch (DateTimeException e) {
            problems.add(at + ": '" + step.zone() + "' is not an IANA time zone such as Europe/Paris");
        }
        try {
            format = step.format() == null ? format : DateTimePatterns.of(step.format(), Locale.ROOT);
        } catch (IllegalArgumentException e) {
            problems.add(at + ": '" + step.format() + "' is not a date-time pattern: " + e.getMessage());
        }
        if (text(step.field(), at)) {
            schema.put(step.field(), FieldType.TIMESTAMP);
            transformed.add(step.field());
            typed.add(step.field());
        }
        ZoneId zone = fixed;
        DateTimeFormatter formatter = format;
        return row -> {
            Object value = row.values.get(step.field());
            if (value != null) {
                row.values.put(step.field(), instant(value.toString().trim(), formatter,
                        zone != null ? zone : row.context.zoneOf(row.source), step.field()));
            }
            return true;
        };
    }

    /**
     * A local time in a gap of a daylight-saving change is moved forward by the gap; in an overlap the earlier offset
     * is used. A value that carries its own offset keeps it.
     */
    private static Object instant(String text, DateTimeFormatter format, ZoneId zone, String field) {
        try {
            return LocalDateTime.parse(text, format).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new RowFailure(field, "field '" + field + "': '" + text + "' is not a local date and time"
                        + (format == DateTimeFormatter.ISO_LOCAL_DATE_TIME ? " (ISO, e.g. 2017-10-02T10:56:33)" : ""));
            }
        }
    }

    private RowStep derive(Step.Derive derive, String at) {
        Expression expression = expression(derive.expression(), at);
        if (derive.field() != null && derive.field().startsWith("_")) {
            problems.add(at + ": field names starting with _ are kept for Tributary's own columns");
        }
        FieldType type = derive.type();
        if (expression != null) {
            Set<String> from = new LinkedHashSet<>();
            expression.fields(schema.keySet()).forEach(field -> from.addAll(lineage.getOrDefault(field, Set.of())));
            if (type == null) {
                type = inferred(expression, at);
            }
            lineage.put(derive.field(), from);
            transformed.add(derive.field());
        }
        if (type != null) {
            schema.put(derive.field(), type);
            typed.add(derive.field());
        }
        FieldType result = type;
        return row -> {
            row.values.put(derive.field(), CompiledPipeline.coerce(result, evaluate(expression, row, derive.field()),
                    derive.field()));
            return true;
        };
    }

    private FieldType inferred(Expression expression, String at) {
        List<FieldType> read = expression.fields(schema.keySet()).stream().map(schema::get).toList();
        if (read.isEmpty() || read.stream().anyMatch(t -> t == null || !t.isNumeric())) {
            problems.add(at + ": give the derived field a type (" + FieldType.labels() + "); it is inferred only "
                    + "when every field the expression reads is a number");
            return null;
        }
        return read.stream().allMatch(t -> t == FieldType.INTEGER) ? FieldType.INTEGER : FieldType.DECIMAL;
    }

    private RowStep lookup(Step.Lookup lookup, String at) {
        known(lookup.key(), at);
        Optional<CompiledPipeline> found = lookup.reference() == null
                ? Optional.empty()
                : references.apply(lookup.reference());
        if (found.isEmpty() || !found.get().isReference()) {
            problems.add(at + ": '" + lookup.reference() + "' is not a reference pipeline; declare it (kind: "
                    + "reference) before the pipelines that look it up");
            return row -> true;
        }
        CompiledPipeline reference = found.get();
        List<String> fields = lookup.fields().isEmpty()
                ? reference.output().keySet().stream().filter(f -> !reference.definition().key().contains(f)).toList()
                : lookup.fields();
        for (String field : fields) {
            FieldType type = reference.output().get(field);
            if (type == null) {
                problems.add(at + ": reference '" + reference.name() + "' has no field '" + field + "'");
            } else if (schema.containsKey(field)) {
                problems.add(at + ": the looked-up field '" + field + "' already exists; rename it first");
            } else {
                schema.put(field, type);
                lineage.put(field, Set.of(reference.name() + "." + field));
                transformed.remove(field);
                typed.remove(field);
            }
        }
        return row -> {
            Object key = row.values.get(lookup.key());
            Map<String, Object> match = key == null ? null : row.context.reference(reference.name(), key.toString());
            if (match == null && key != null) {
                row.pending.add(reference.name());
            }
            fields.forEach(field -> row.values.put(field, match == null ? null : match.get(field)));
            return true;
        };
    }

    private void checkEnd(PipelineDefinition definition) {
        if (definition.kind() == PipelineDefinition.Kind.REFERENCE && definition.key().size() != 1) {
            problems.add("$.key: a reference pipeline is looked up by exactly one key field");
        }
        definition.key().forEach(field -> known(field, "$.key"));
        if (definition.eventTime() != null && known(definition.eventTime(), "$.eventTime")) {
            FieldType type = schema.get(definition.eventTime());
            if (type != FieldType.DATE && type != FieldType.TIMESTAMP) {
                problems.add("$.eventTime: '" + definition.eventTime() + "' is " + type.label()
                        + "; the event time must be a date or a timestamp");
            }
        }
        PipelineDefinition.Aggregate aggregate = definition.aggregate();
        if (aggregate != null) {
            if (definition.eventTime() == null) {
                problems.add("$.aggregate: an aggregate needs the pipeline's eventTime");
            }
            aggregate.dimensions().forEach(field -> known(field, "$.aggregate.dimensions"));
            aggregate.measures().forEach(field -> {
                if (known(field, "$.aggregate.measures") && !schema.get(field).isNumeric()) {
                    problems.add("$.aggregate.measures: '" + field + "' is " + schema.get(field).label()
                            + ", not a number");
                }
            });
        }
        PipelineDefinition.Features features = definition.features();
        if (features != null) {
            known(features.customer(), "$.features.customer");
            known(features.order(), "$.features.order");
            known(features.product(), "$.features.product");
            if (features.quantity() != null && known(features.quantity(), "$.features.quantity")
                    && !schema.get(features.quantity()).isNumeric()) {
                problems.add("$.features.quantity: '" + features.quantity() + "' is not a number");
            }
        }
        definition.steps().stream().filter(Step.Lookup.class::isInstance).map(Step.Lookup.class::cast)
                .filter(lookup -> lookup.key() != null && !schema.containsKey(lookup.key()))
                .forEach(lookup -> problems.add("$.steps (lookup): the key field '" + lookup.key() + "' must stay a "
                        + "field of the output, so that rows can be completed when their reference arrives"));
        schema.keySet().stream().filter(field -> field.startsWith("_")).forEach(field -> problems.add("$: the field "
                + "name '" + field + "' starts with _, which is kept for Tributary's own columns; rename it"));
        schema.keySet().stream().filter(field -> field.length() > 63)
                .forEach(field -> problems.add("$: the field name '" + field + "' is longer than 63 characters"));
    }

    private Expression expression(String text, String at) {
        if (text == null) {
            return null;
        }
        try {
            Expression expression = Expression.compile(text);
            expression.fields(schema.keySet()).stream().filter(field -> !schema.containsKey(field)).forEach(field -> problems
                    .add(at + ": the expression reads '" + field + "', which is not a field here; fields are "
                            + schema.keySet()));
            return expression;
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static Object evaluate(Expression expression, WorkingRow row, String field) {
        try {
            return expression.evaluate(row.values);
        } catch (IllegalArgumentException e) {
            throw new RowFailure(field, e.getMessage());
        }
    }

    private boolean known(String field, String at) {
        if (field == null) {
            return false;
        }
        if (!schema.containsKey(field)) {
            problems.add(at + ": no field '" + field + "' here; fields are " + schema.keySet());
            return false;
        }
        return true;
    }

    private boolean text(String field, String at) {
        if (!known(field, at)) {
            return false;
        }
        if (schema.get(field) != FieldType.TEXT) {
            problems.add(at + ": '" + field + "' is " + schema.get(field).label() + ", not text");
            return false;
        }
        return true;
    }

    static String normalised(String value, Step.TextCase textCase) {
        String text = isNormal(value)
                ? value
                : SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll(" ").trim();
        return switch (textCase) {
            case UPPER -> text.toUpperCase(Locale.ROOT);
            case LOWER -> text.toLowerCase(Locale.ROOT);
            case KEEP -> text;
        };
    }

    /** Printable ASCII with single spaces between words: what most text already is, and what normalising gives. */
    private static boolean isNormal(String value) {
        int last = value.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            boolean space = c == ' ';
            if (space ? i == 0 || i == last || value.charAt(i - 1) == ' ' : c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Step step) {
        String name = step.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return step instanceof Step.Derive derive ? "derive " + derive.field() : name;
    }
}
