package io.tributary.catalog.masking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Replaces personal values with {@link #MASK} in the shapes the services answer with: one value, a record's text as it
 * came (a JSON document or a delimited line), a sentence that quotes a value (decision 0037). Pure functions: the
 * services decide what is personal ({@link PersonalData}) and who the answer is for, and call these before anything is
 * serialised, so that the value never leaves the service.
 */
public final class Masking {

    /** What a personal value is replaced with. It says that a value was there; its length and kind are not kept. */
    public static final String MASK = "***";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private Masking() {
    }

    /** A personal value: null stays null (there was nothing to hide), anything else is {@link #MASK}. */
    public static String value(String value) {
        return value == null ? null : MASK;
    }

    /** A personal value of any type, as {@link #value(String)}. */
    public static Object value(Object value) {
        return value == null ? null : MASK;
    }

    /** Each value of the map under a personal name masked; the others, and the order, kept. */
    public static <V> Map<String, Object> values(Map<String, V> values, Predicate<String> personal) {
        Map<String, Object> masked = new LinkedHashMap<>();
        values.forEach((name, v) -> masked.put(name, personal.test(name) ? value(v) : v));
        return masked;
    }

    /**
     * A sentence with every occurrence of a personal value replaced: a reason such as {@code 'ann@example.com' does
     * not match the pattern}. A null or blank value leaves the sentence as it is.
     */
    public static String text(String sentence, String value) {
        if (sentence == null || value == null || value.isBlank()) {
            return sentence;
        }
        return sentence.replace(value, MASK);
    }

    /**
     * A JSON document with the value of every member named in {@code names} replaced by {@link #MASK}, at any depth
     * and inside arrays; a member whose value is an object or array is masked whole. The document is written compactly
     * when something was masked and returned as it is otherwise. Text that is not one JSON value cannot be told apart
     * and is masked whole.
     */
    public static String json(String document, Set<String> names) {
        if (document == null || names.isEmpty()) {
            return document;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(document);
        } catch (IOException e) {
            return MASK;
        }
        if (tree == null || tree.isMissingNode()) {
            return MASK;
        }
        return maskMembers(tree, names) ? tree.toString() : document;
    }

    private static boolean maskMembers(JsonNode node, Set<String> names) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            List<String> personal = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                if (names.contains(member.getKey())) {
                    if (!member.getValue().isNull()) {
                        personal.add(member.getKey());
                    }
                } else {
                    masked |= maskMembers(member.getValue(), names);
                }
            }
            personal.forEach(name -> object.set(name, TextNode.valueOf(MASK)));
            masked |= !personal.isEmpty();
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                masked |= maskMembers(item, names);
            }
        }
        return masked;
    }

    /**
     * A delimited line, read into its fields, written again with the fields at {@code positions} replaced by
     * {@link #MASK}; a field holding the delimiter, the quote or a line end is quoted, its quotes doubled.
     */
    public static String delimited(List<String> fields, Set<Integer> positions, char delimiter, char quote) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            String field = positions.contains(i) ? MASK : fields.get(i);
            if (field.indexOf(delimiter) >= 0 || field.indexOf(quote) >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                String doubled = String.valueOf(quote) + quote;
                line.append(quote).append(field.replace(String.valueOf(quote), doubled)).append(quote);
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }
}
