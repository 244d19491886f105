package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Turns one JSON object into flat records: lists of field names and of their values as text, in the
 * {@link JsonShape} a contract gives (decision 0030).
 * <h2>Values</h2>
 * <ul>
 * <li>a string is its text; a number is its literal exactly as written ({@code 261.9600}, {@code 1e400}; never read
 * as a double); {@code true} and {@code false} are those words; {@code null} is a null value;</li>
 * <li>a nested object is flattened: its fields are named with the path of keys joined by dots
 * ({@code {"customer": {"id": 7}}} gives {@code customer.id = 7}); an empty nested object is the value {@code {}};
 * an object at one of the shape's {@code whole} paths is one value, its JSON text without the whitespace between
 * tokens;</li>
 * <li>an array is its JSON text without the whitespace between tokens ({@code ["a", 1]} gives {@code ["a",1]}),
 * except for the array that is exploded (below); an empty array has no value to carry and adds no field, except at
 * the shape's {@code explode} path, where it is the value {@code []};</li>
 * <li>when two fields end up with one name (a key repeated in an object, or {@code "a.b"} next to
 * {@code "a": {"b": ...}}), the last value wins, in the place of the first.</li>
 * </ul>
 * <h2>Explode</h2>
 * <p>
 * The array at the shape's {@code explode} path, among the object's own fields and those of its nested objects (never
 * inside an array), is exploded when it holds objects only: the object gives one record per element of that array,
 * each with all the other fields of the object and the element's fields named under the array's path
 * ({@code {"order": 1, "items": [{"sku": "A"}, {"sku": "B"}]}} gives {@code order=1, items.sku=A} and
 * {@code order=1, items.sku=B}), in document order (the element's fields take the array's place), each record with
 * its item's position in the array (from 1) and the number of items. One level only: arrays inside the elements are
 * values as above. An array there that holds anything but objects is a value as above, for the contract to refuse.
 * This is the one place where one object becomes several records.
 * </p>
 * <h2>Limits</h2>
 * <p>
 * An object of more fields than {@link ReadLimits#columns()}, whose exploded array holds more objects than
 * {@link ReadLimits#explodeRecords()}, or whose exploded records would hold more than twice
 * {@link ReadLimits#recordChars()} characters of raw text in all (each repeats the object's other fields), gives one
 * unreadable record saying which limit it passed; its items past the limit are not held.
 * </p>
 * <h2>Raw text and names</h2>
 * <p>
 * A key holding a character no text column can hold ({@code \u0000}, half a surrogate pair) names its field with that
 * character as its escape ({@link TextColumns#escaped}), as every name the catalog keeps must.
 * </p>
 * <p>
 * A record's raw text is the object as written; an exploded record's is the object with the exploded array holding
 * only that record's element, so that each record of an order is told apart by its raw text. Records whose names are
 * the same share one list instance.
 * </p>
 */
final class JsonFlattener {

    /** The text being parsed, cut between character offsets the parser reported. */
    interface Text {
        String slice(long from, long to);
    }

    private static final int MAX_CACHED_PATHS = 100_000;

    private final JsonShape shape;
    private final Map<String, Map<String, String>> paths = new HashMap<>();
    private int cachedPaths;
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<String> itemNames = new ArrayList<>();
    private final List<String> itemValues = new ArrayList<>();
    private Explode explode;
    private final ReadLimits limits;
    /** Why the object being read goes past a limit, or null. */
    private String beyond;

    /** The names of the last record as flattened, and as given to the record (without repeats). */
    private List<String> lastFlatNames = List.of();
    private List<String> lastNames = List.of();
    /** Where each flattened value goes in the record's values, when names repeat; else null. */
    private int[] lastSlots;

    JsonFlattener(JsonShape shape, ReadLimits limits) {
        this.shape = shape;
        this.limits = limits;
    }

    /**
     * Reads the object the parser is at (its {@code START_OBJECT} is the current token) up to its end, and adds its
     * records to {@code out}; nothing is added when the parser fails inside it.
     */
    void read(JsonParser parser, long position, Text text, List<SourceRecord> out) throws IOException {
        long start = parser.currentTokenLocation().getCharOffset();
        names.clear();
        values.clear();
        explode = null;
        beyond = null;
        object(parser, "", names, values, true, text);
        long end = parser.currentLocation().getCharOffset();
        if (beyond == null) {
            beyond = beyondLimits(end - start);
        }
        if (beyond != null) {
            out.add(SourceRecord.unreadable(position, JsonSupport.capped(text.slice(start, end)),
                    JsonErrorKind.LIMIT.prefix() + " at position " + position + ": " + beyond));
            return;
        }
        if (explode == null) {
            out.add(record(position, names, values, text.slice(start, end), 0, 0));
            return;
        }
        String before = text.slice(start, explode.start);
        String after = text.slice(explode.end, end);
        int at = explode.at;
        int count = explode.items.size();
        for (int i = 0; i < count; i++) {
            Item item = explode.items.get(i);
            itemNames.clear();
            itemValues.clear();
            itemNames.addAll(names.subList(0, at));
            itemNames.addAll(item.names);
            itemNames.addAll(names.subList(at, names.size()));
            itemValues.addAll(values.subList(0, at));
            itemValues.addAll(item.values);
            itemValues.addAll(values.subList(at, values.size()));
            String raw = before + '[' + text.slice(item.start, item.end) + ']' + after;
            out.add(record(position, itemNames, itemValues, raw, i + 1, count));
        }
    }

    private void object(JsonParser parser, String prefix, List<String> names, List<String> values, boolean explodable,
            Text text) throws IOException {
        boolean empty = true;
        for (JsonToken token = next(parser); token != JsonToken.END_OBJECT; token = next(parser)) {
            String path = path(prefix, TextColumns.escaped(parser.currentName()));
            value(parser, next(parser), path, names, values, explodable, text);
            empty = false;
        }
        if (empty && !prefix.isEmpty()) {
            names.add(prefix);
            values.add("{}");
        }
    }

    private void value(JsonParser parser, JsonToken token, String path, List<String> names, List<String> values,
            boolean explodable, Text text) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                if (shape.whole().contains(path)) {
                    whole(parser, path, names, values, text);
                } else {
                    object(parser, path, names, values, explodable, text);
                }
            }
            case START_ARRAY -> array(parser, path, names, values, explodable, text);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> add(names, values, path, parser.getText());
            case VALUE_TRUE -> add(names, values, path, "true");
            case VALUE_FALSE -> add(names, values, path, "false");
            case VALUE_NULL -> add(names, values, path, null);
            default -> throw new JsonEOFException(parser, token, "unexpected " + JsonSupport.describe(token));
        }
    }

    /** An object kept whole: one value, its JSON text. */
    private static void whole(JsonParser parser, String path, List<String> names, List<String> values, Text text)
            throws IOException {
        long start = parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        add(names, values, path, compact(text.slice(start, parser.currentLocation().getCharOffset())));
    }

    private void array(JsonParser parser, String path, List<String> names, List<String> values, boolean explodable,
            Text text) throws IOException {
        long start = parser.currentTokenLocation().getCharOffset();
        if (!explodable || explode != null || !path.equals(shape.explode())) {
            parser.skipChildren();
            arrayValue(path, text.slice(start, parser.currentLocation().getCharOffset()), names, values);
            return;
        }
        List<Item> items = new ArrayList<>();
        boolean objects = true;
        boolean tooMany = false;
        for (JsonToken token = next(parser); token != JsonToken.END_ARRAY; token = next(parser)) {
            if (objects && token == JsonToken.START_OBJECT && items.size() == limits.explodeRecords()) {
                // the items past the limit are not held
                tooMany = true;
                parser.skipChildren();
            } else if (objects && token == JsonToken.START_OBJECT) {
                long itemStart = parser.currentTokenLocation().getCharOffset();
                List<String> fieldNames = new ArrayList<>();
                List<String> fieldValues = new ArrayList<>();
                object(parser, path, fieldNames, fieldValues, false, text);
                items.add(new Item(fieldNames, fieldValues, itemStart, parser.currentLocation().getCharOffset()));
            } else {
                objects = false;
                items.clear();
                parser.skipChildren();
            }
        }
        long end = parser.currentLocation().getCharOffset();
        if (objects && tooMany) {
            beyond = "the array " + path + " would explode into more than " + limits.explodeRecords() + " records "
                    + ReadLimits.exceeded(ReadLimits.EXPLODE_RECORDS, limits.explodeRecords());
        }
        if (objects && !items.isEmpty()) {
            explode = new Explode(start, end, names.size(), items);
        } else if (objects) {
            add(names, values, path, "[]");
        } else {
            arrayValue(path, text.slice(start, end), names, values);
        }
    }

    /** Why the object just read (of {@code length} characters) goes past a limit, or null when it does not. */
    private String beyondLimits(long length) {
        int fields = names.size();
        long rawText = length;
        if (explode != null) {
            long widest = 0;
            long items = 0;
            for (Item item : explode.items) {
                widest = Math.max(widest, item.names.size());
                items += item.end - item.start;
            }
            fields += widest;
            long around = length - (explode.end - explode.start) + 2;
            rawText = around * explode.items.size() + items;
        }
        if (fields > limits.columns()) {
            return "the object has " + fields + " fields, more than " + limits.columns() + " "
                    + ReadLimits.exceeded(ReadLimits.COLUMNS, limits.columns());
        }
        long most = 2L * limits.recordChars();
        if (rawText > most) {
            return "the records the object explodes into would hold " + rawText + " characters of text, more than "
                    + most + ", twice the longest record " + ReadLimits.exceeded(ReadLimits.RECORD_SIZE,
                            limits.recordChars());
        }
        return null;
    }

    private static void arrayValue(String path, String json, List<String> names, List<String> values) {
        String compact = compact(json);
        if (!compact.equals("[]")) {
            add(names, values, path, compact);
        }
    }

    private static void add(List<String> names, List<String> values, String name, String value) {
        names.add(name);
        values.add(value);
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonEOFException(parser, null, "unexpected end of input inside an object or array");
        }
        return token;
    }

    /** The dotted path of a field; one string instance per path, so that equal name lists compare fast. */
    private String path(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        Map<String, String> byName = paths.get(prefix);
        if (byName == null) {
            byName = new HashMap<>();
            paths.put(prefix, byName);
        }
        String path = byName.get(name);
        if (path == null) {
            if (++cachedPaths > MAX_CACHED_PATHS) {
                paths.clear();
                cachedPaths = 1;
                byName = new HashMap<>();
                paths.put(prefix, byName);
            }
            path = prefix + '.' + name;
            byName.put(name, path);
        }
        return path;
    }

    private SourceRecord record(long position, List<String> flatNames, List<String> flatValues, String raw, int item,
            int items) {
        if (!flatNames.equals(lastFlatNames)) {
            bindNames(flatNames);
        }
        String[] recordValues;
        if (lastSlots == null) {
            recordValues = flatValues.toArray(new String[0]);
        } else {
            recordValues = new String[lastNames.size()];
            for (int i = 0; i < lastSlots.length; i++) {
                recordValues[lastSlots[i]] = flatValues.get(i);
            }
        }
        return new SourceRecord(position, lastNames, Collections.unmodifiableList(Arrays.asList(recordValues)), raw,
                null, item, items);
    }

    private void bindNames(List<String> flatNames) {
        lastFlatNames = List.copyOf(flatNames);
        Map<String, Integer> slots = new HashMap<>();
        List<String> unique = new ArrayList<>(flatNames.size());
        int[] slotOf = new int[flatNames.size()];
        for (int i = 0; i < flatNames.size(); i++) {
            Integer slot = slots.putIfAbsent(flatNames.get(i), unique.size());
            if (slot == null) {
                slotOf[i] = unique.size();
                unique.add(flatNames.get(i));
            } else {
                slotOf[i] = slot;
            }
        }
        boolean repeats = unique.size() < flatNames.size();
        lastNames = repeats ? List.copyOf(unique) : lastFlatNames;
        lastSlots = repeats ? slotOf : null;
    }

    /** JSON text without the whitespace between its tokens; strings are kept as written. */
    static String compact(String json) {
        StringBuilder out = null;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < json.length()) {
                    if (out != null) {
                        out.append(c);
                    }
                    c = json.charAt(++i);
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (out == null) {
                    out = new StringBuilder(json.length());
                    out.append(json, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /** The array that is exploded: where its text is, where its elements' fields go, and the elements. */
    private record Explode(long start, long end, int at, List<Item> items) {
    }

    /** One element of the exploded array: its fields, and where its text is. */
    private record Item(List<String> names, List<String> values, long start, long end) {
    }
}
