package io.tributary.ingestion.source;

import io.tributary.catalog.entity.SourceEntity;

/**
 * A source as read from the catalog, with the version of its row then: PostgreSQL's {@code xmin}, which every update
 * of the row changes, whichever instance or tool makes it. Read before the source, so that a change committed between
 * the two reads shows as a version older than the source, and the source is read again rather than kept stale.
 */
public record KnownSource(SourceEntity source, long version) {
}
