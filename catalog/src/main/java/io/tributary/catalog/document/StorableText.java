package io.tributary.catalog.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds text that valid JSON may carry but PostgreSQL cannot store: U+0000 and unpaired UTF-16 surrogates (from
 * escapes such as {@code \u0000} or {@code \ud800}).
 */
public final class StorableText {

    private StorableText() {
    }

    /** One problem per offending key or string value, each with its JSON path. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        visit(document, "$", problems);
        return problems;
    }

    private static void visit(JsonNode node, String path, List<String> problems) {
        if (node.isTextual()) {
            check(node.textValue(), path, "value", problems);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = path + "." + field.getKey();
                check(field.getKey(), fieldPath, "key", problems);
                visit(field.getValue(), fieldPath, problems);
            }
        }
    }

    private static void check(String text, String path, String what, List<String> problems) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                problems.add(path + ": the " + what + " contains U+0000, which cannot be stored");
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(path + ": the " + what + " contains an unpaired surrogate \\u"
                        + Integer.toHexString(c) + ", which is not a character");
                return;
            }
        }
    }
}
