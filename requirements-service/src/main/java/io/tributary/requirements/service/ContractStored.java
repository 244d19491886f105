package io.tributary.requirements.service;

/**
 * Fired, within the storing transaction, when a new version of a dataset's contract is stored.
 *
 * @param previousDocument the JSON of the version before, or null for the first
 */
public record ContractStored(String dataset, int version, String document, String previousDocument) {
}
