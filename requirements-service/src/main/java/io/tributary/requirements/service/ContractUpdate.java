package io.tributary.requirements.service;

import io.tributary.catalog.entity.ContractVersionEntity;

/**
 * What a contract upload did.
 *
 * @param created false when the document equals the current version, which is then returned unchanged
 */
public record ContractUpdate(ContractVersionEntity version, boolean created) {
}
