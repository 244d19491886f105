package io.tributary.ingestion.parsing;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The format options a source may set, read and checked in one place. */
public final class FormatOptions {

    static final String DELIMITER = "delimiter";
    static final String QUOTE = "quote";
    static final String ENCODING = "encoding";
    private static final Set<String> KNOWN = Set.of(DELIMITER, QUOTE, ENCODING);

    private FormatOptions() {
    }

    public static void check(Map<String, String> options, List<String> problems) {
        options.forEach((key, value) -> {
            if (!KNOWN.contains(key)) {
                problems.add("options." + key + ": unknown option; known options are " + KNOWN);
            } else if ((key.equals(DELIMITER) || key.equals(QUOTE)) && character(value) == null) {
                problems.add("options." + key + ": must be one character (or 'tab'), found '" + value + "'");
            } else if (key.equals(ENCODING) && charset(value) == null) {
                problems.add("options.encoding: '" + value + "' is not an encoding this server knows");
            }
        });
    }

    public static CsvFormat csvFormat(Map<String, String> options) {
        Character delimiter = character(options.getOrDefault(DELIMITER, ","));
        Character quote = character(options.getOrDefault(QUOTE, "\""));
        return new CsvFormat(delimiter, quote);
    }

    public static Charset encoding(Map<String, String> options) {
        return options.containsKey(ENCODING) ? charset(options.get(ENCODING)) : StandardCharsets.UTF_8;
    }

    private static Character character(String value) {
        if ("tab".equalsIgnoreCase(value) || "\\t".equals(value)) {
            return '\t';
        }
        return value != null && value.length() == 1 ? value.charAt(0) : null;
    }

    private static Charset charset(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
