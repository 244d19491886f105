package io.tributary.ingestion.batch;

/** What became of a batch's records: received = accepted + quarantined + duplicates. */
public record BatchCounts(long received, long accepted, long quarantined, long duplicates) {
}
