package io.tributary.catalog.document;

/** A stored version of a document: its number, and its text with the media type it was sent as. */
public interface VersionedDocument {

    /** 1, 2, 3... per document; the highest is the current one. */
    int versionNumber();

    /** The document as it was sent. */
    String sentText();

    /** The media type it was sent as, {@code type/subtype}. */
    String sentMediaType();
}
