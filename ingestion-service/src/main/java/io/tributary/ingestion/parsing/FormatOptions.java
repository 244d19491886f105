package io.tributary.ingestion.parsing;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The format options a source may set, read and checked in one place.
 * <ul>
 * <li>{@code delimiter}, {@code quote}: one character each (or {@code tab}); delimited files only.</li>
 * <li>{@code encoding}: the name of a character set ({@code UTF-8}, {@code windows-1252}, {@code ISO-8859-1}, ...),
 * taken as declared, or {@code auto} (the default): a byte-order mark if there is one, else UTF-8 when the first
 * 64 KiB are valid UTF-8, else windows-1252. See {@link TextDecoding}.</li>
 * </ul>
 */
public final class FormatOptions {

    static final String DELIMITER = "delimiter";
    static final String QUOTE = "quote";
    static final String ENCODING = "encoding";
    /** The value of {@code encoding} that asks for detection; also what an absent {@code encoding} means. */
    public static final String AUTO = "auto";
    private static final Set<String> KNOWN = Set.of(DELIMITER, QUOTE, ENCODING);

    private FormatOptions() {
    }

    public static void check(Map<String, String> options, List<String> problems) {
        options.forEach((key, value) -> {
            if (!KNOWN.contains(key)) {
                problems.add("options." + key + ": unknown option; known options are " + KNOWN);
            } else if ((key.equals(DELIMITER) || key.equals(QUOTE)) && character(value) == null) {
                problems.add("options." + key + ": must be one character (or 'tab'), found '" + value + "'");
            } else if (key.equals(ENCODING) && !isAuto(value) && charset(value) == null) {
                problems.add("options.encoding: '" + value + "' is not an encoding this server knows; use '" + AUTO
                        + "' to have it detected");
            }
        });
    }

    public static CsvFormat csvFormat(Map<String, String> options) {
        Character delimiter = character(options.getOrDefault(DELIMITER, ","));
        Character quote = character(options.getOrDefault(QUOTE, "\""));
        return new CsvFormat(delimiter, quote);
    }

    /** The encoding the source declares, or null when it is to be detected (no {@code encoding}, or {@code auto}). */
    public static Charset declaredEncoding(Map<String, String> options) {
        String name = options.get(ENCODING);
        return name == null || isAuto(name) ? null : charset(name.strip());
    }

    private static boolean isAuto(String value) {
        return value != null && AUTO.equalsIgnoreCase(value.strip());
    }

    private static Character character(String value) {
        if ("tab".equalsIgnoreCase(value) || "\\t".equals(value)) {
            return '\t';
        }
        return value != null && value.length() == 1 ? value.charAt(0) : null;
    }

    private static Charset charset(String name) {
        try {
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
