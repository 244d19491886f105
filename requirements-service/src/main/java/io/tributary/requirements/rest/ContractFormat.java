package io.tributary.requirements.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

import io.tributary.catalog.document.DocumentFormat;
import io.tributary.catalog.document.SentDocument;
import io.tributary.catalog.document.VersionedDocument;

/** The media types a contract document is answered in. */
public final class ContractFormat {

    private static final List<MediaType> YAML_TYPES = List.of(MediaType.valueOf(DocumentFormat.APPLICATION_YAML),
            MediaType.valueOf(DocumentFormat.APPLICATION_X_YAML), MediaType.valueOf(DocumentFormat.TEXT_YAML));

    private ContractFormat() {
    }

    /** The type to answer with: JSON unless the client prefers YAML; the list is in the client's order of preference. */
    public static MediaType negotiate(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            for (MediaType yaml : YAML_TYPES) {
                if (accepted.isCompatible(yaml)) {
                    return yaml;
                }
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /** A stored version in the type answered with: as it was sent when it was sent in that syntax. */
    public static String render(VersionedDocument stored, MediaType type) {
        return SentDocument.of(stored).textIn(DocumentFormat.of(type.toString()));
    }
}
