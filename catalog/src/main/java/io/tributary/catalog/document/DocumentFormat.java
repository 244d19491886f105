package io.tributary.catalog.document;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The syntaxes a versioned document (a contract, a pipeline) travels in, and the media types that name them. Both read
 * into the same tree: decimals exact (never rounded through a double, trailing zeros dropped), a repeated key refused.
 */
public enum DocumentFormat {
    JSON(JsonMapper.builder()),
    YAML(YAMLMapper.builder());

    public static final String APPLICATION_JSON = "application/json";
    public static final String APPLICATION_YAML = "application/yaml";
    public static final String APPLICATION_X_YAML = "application/x-yaml";
    public static final String TEXT_YAML = "text/yaml";

    private static final List<String> YAML_TYPES = List.of(APPLICATION_YAML, APPLICATION_X_YAML, TEXT_YAML);

    private final ObjectMapper mapper;

    DocumentFormat(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder) {
        this.mapper = builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /** YAML for one of the YAML media types, JSON otherwise; parameters such as charset and case do not matter. */
    public static DocumentFormat of(String mediaType) {
        return mediaType != null && YAML_TYPES.contains(typeAndSubtype(mediaType)) ? YAML : JSON;
    }

    /** {@code type/subtype} of a media type, lower case, without its parameters. */
    public static String typeAndSubtype(String mediaType) {
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a document's text; an empty text or a syntax error is reported with its line and column.
     *
     * @param kind what the document is, for the messages: {@code contract}, {@code pipeline}
     * @param problems makes the exception that reports the problems
     */
    public JsonNode read(String text, String kind, Function<List<String>, ? extends RuntimeException> problems) {
        if (text == null || text.isBlank()) {
            throw problems.apply(List.of("$: the " + kind + " document is empty"));
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw problems.apply(List.of("$: the " + kind + " document is empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw problems.apply(List.of("$: not valid " + name() + where + ": " + e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            // how Jackson reports a number whose exponent is out of range (-0.5e-9999999991), read as a BigDecimal
            throw problems.apply(List.of("$: not valid " + name() + ": " + e.getMessage()));
        }
    }

    /** The tree as text of this syntax. */
    public String write(JsonNode document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }
}
