package io.tributary.catalog.document;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document as a client sent it: its text, kept as it is, its media type, and the tree it reads into.
 *
 * @param mediaType {@code type/subtype}, without parameters
 */
public record SentDocument(String text, String mediaType, JsonNode tree) {

    /**
     * Reads a document by its media type and checks that every key and value can be stored.
     *
     * @param kind what the document is, for the messages: {@code contract}, {@code pipeline}
     * @param problems makes the exception that reports the problems, each with its JSON path
     */
    public static SentDocument read(String text, String mediaType, String kind,
            Function<List<String>, ? extends RuntimeException> problems) {
        JsonNode tree = DocumentFormat.of(mediaType).read(text, kind, problems);
        List<String> unstorable = StorableText.problems(tree);
        if (!unstorable.isEmpty()) {
            throw problems.apply(unstorable);
        }
        return new SentDocument(text, DocumentFormat.typeAndSubtype(mediaType), tree);
    }

    /** A stored version read again; it was read when it was stored, so it reads again. */
    public static SentDocument of(VersionedDocument stored) {
        JsonNode tree = DocumentFormat.of(stored.sentMediaType()).read(stored.sentText(), "stored",
                problems -> new IllegalStateException("a stored document no longer reads: " + problems));
        return new SentDocument(stored.sentText(), stored.sentMediaType(), tree);
    }

    public DocumentFormat format() {
        return DocumentFormat.of(mediaType);
    }

    /** The document in a syntax: the text as sent when it was sent in that syntax, the tree written in it otherwise. */
    public String textIn(DocumentFormat wanted) {
        return wanted == format() ? text : wanted.write(tree);
    }

    /**
     * Whether this is the same document as another: the same tree, with its keys in the same order. Syntax (YAML or
     * JSON), layout, quoting and comments do not count; the order of keys does, since a pipeline's steps and derived
     * fields are read in it (decision 0017).
     */
    public boolean sameDocumentAs(SentDocument other) {
        return canonical().equals(other.canonical());
    }

    /** The tree as compact JSON, keys in the order written. */
    public String canonical() {
        return DocumentFormat.JSON.write(tree);
    }
}
