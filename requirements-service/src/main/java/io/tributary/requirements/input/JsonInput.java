package io.tributary.requirements.input;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request body one by one, recording a problem with its path for each that is missing or
 * wrong instead of stopping at the first: a client fixes everything in one go.
 */
public final class JsonInput {

    private final JsonNode node;
    private final String path;
    private final InputProblems problems;

    public JsonInput(JsonNode node, String path, InputProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The body as an object; a body that is not one is the only problem recorded. */
    public static JsonInput object(JsonNode node, String path, InputProblems problems) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            problems.add(path, "is required");
            return null;
        }
        if (!node.isObject()) {
            problems.add(path, "must be an object, found " + kind(node));
            return null;
        }
        return new JsonInput(node, path, problems);
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return path + "." + key;
    }

    public InputProblems problems() {
        return problems;
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String key) {
        return node.get(key);
    }

    /** Keys not in {@code known} are reported: a misspelt key must not be silently ignored. */
    public void onlyKeys(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(path(name), "is not a known field here; known: " + known.stream().sorted().toList());
            }
        }
    }

    public String text(String key, boolean required, int maxLength) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path(key), "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path(key), "must be a string, found " + kind(value));
            return null;
        }
        String text = value.textValue().strip();
        if (required && text.isEmpty()) {
            problems.add(path(key), "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(path(key), "at most " + maxLength + " characters, found " + text.length());
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            problems.add(path(key), "contains U+0000, which cannot be stored");
            return null;
        }
        return text;
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required) {
        String text = text(key, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(path(key), "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public Long id(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path(key), "is required");
            }
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() <= 0) {
            problems.add(path(key), "must be a positive whole number, found " + value);
            return null;
        }
        return value.longValue();
    }

    public List<Long> ids(String key) {
        List<Long> ids = new ArrayList<>();
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return ids;
        }
        if (!value.isArray()) {
            problems.add(path(key), "must be an array, found " + kind(value));
            return ids;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() <= 0) {
                problems.add(path(key) + "[" + i + "]", "must be a positive whole number, found " + item);
            } else if (ids.contains(item.longValue())) {
                problems.add(path(key) + "[" + i + "]", "is listed twice");
            } else {
                ids.add(item.longValue());
            }
        }
        return ids;
    }

    public List<String> texts(String key, int maxItems, int maxLength) {
        List<String> texts = new ArrayList<>();
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            problems.add(path(key), "must be an array of strings, found " + kind(value));
            return texts;
        }
        if (value.size() > maxItems) {
            problems.add(path(key), "at most " + maxItems + " items, found " + value.size());
            return texts;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                problems.add(itemPath, "must be a non-blank string, found " + kind(item));
            } else if (item.textValue().length() > maxLength || item.textValue().indexOf('\u0000') >= 0) {
                problems.add(itemPath, "at most " + maxLength + " characters, without U+0000");
            } else {
                texts.add(item.textValue().strip());
            }
        }
        return texts;
    }

    /** A number; {@code null} and a problem when missing (if required), not a number, or out of its bounds. */
    public BigDecimal number(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path(key), "is required");
            }
            return null;
        }
        if (!value.isNumber()) {
            problems.add(path(key), "must be a number, found " + kind(value));
            return null;
        }
        return value.decimalValue();
    }

    public Integer integer(String key, boolean required, int min, int max) {
        BigDecimal value = number(key, required);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(path(key), "must be a whole number from " + min + " to " + max + ", found "
                    + value.toPlainString());
            return null;
        }
        return value.intValueExact();
    }

    /** An ISO 8601 duration such as {@code PT5M} or {@code P1D}, positive and at most {@code max}. */
    public Duration duration(String key, boolean required, Duration min, Duration max) {
        String text = text(key, required, 64);
        if (text == null) {
            return null;
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(path(key), "'" + text + "' is not an ISO 8601 duration such as PT5M, PT1H or P1D");
            return null;
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            problems.add(path(key), "must be from " + min + " to " + max + ", found " + duration);
            return null;
        }
        return duration;
    }

    public ZoneId zone(String key, boolean required) {
        String text = text(key, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (RuntimeException e) {
            problems.add(path(key), "'" + text + "' is not a time zone; use an IANA name such as America/New_York");
            return null;
        }
    }

    public LocalTime time(String key, boolean required) {
        String text = text(key, required, 16);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{2}:\\d{2}")) {
            problems.add(path(key), "'" + text + "' is not a time of day as HH:MM");
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(path(key), "'" + text + "' is not a time of day as HH:MM");
            return null;
        }
    }

    public JsonInput child(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path(key), "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            problems.add(path(key), "must be an object, found " + kind(value));
            return null;
        }
        return new JsonInput(value, path(key), problems);
    }

    public void problem(String key, String message) {
        problems.add(path(key), message);
    }

    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
