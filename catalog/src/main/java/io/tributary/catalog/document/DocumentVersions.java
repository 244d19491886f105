package io.tributary.catalog.document;

import java.util.Optional;

/**
 * What sending a document does to its versions: nothing when it is the same document as the current version, a new
 * version otherwise (decision 0017).
 */
public final class DocumentVersions {

    /** The outcome of sending a document. */
    public sealed interface Change<V extends VersionedDocument> {
    }

    /** The same document as the current version, which stays current; nothing is stored. */
    public record Unchanged<V extends VersionedDocument>(V current) implements Change<V> {
    }

    /** A new version with this number is to be stored. */
    public record NewVersion<V extends VersionedDocument>(int version) implements Change<V> {
    }

    private DocumentVersions() {
    }

    public static <V extends VersionedDocument> Change<V> decide(Optional<V> current, SentDocument sent) {
        if (current.isEmpty()) {
            return new NewVersion<>(1);
        }
        V stored = current.get();
        return sent.sameDocumentAs(SentDocument.of(stored))
                ? new Unchanged<>(stored)
                : new NewVersion<>(stored.versionNumber() + 1);
    }
}
