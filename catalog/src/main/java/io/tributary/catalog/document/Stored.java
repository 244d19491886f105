package io.tributary.catalog.document;

/**
 * What sending a document did.
 *
 * @param created false when the document was the same as the current version, which is then returned unchanged
 */
public record Stored<V extends VersionedDocument>(V version, boolean created) {
}
