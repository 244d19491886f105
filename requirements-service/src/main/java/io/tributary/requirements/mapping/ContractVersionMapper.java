package io.tributary.requirements.mapping;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.requirements.api.ContractVersionResponse;

public final class ContractVersionMapper {

    private ContractVersionMapper() {
    }

    public static ContractVersionResponse toResponse(ContractVersionEntity entity) {
        return new ContractVersionResponse(entity.dataset, entity.version, entity.contractId, entity.contractLabel,
                entity.status, propertyCount(entity), entity.createdAt);
    }

    /** Stored documents were validated on the way in, so reading them again cannot fail. */
    private static int propertyCount(ContractVersionEntity entity) {
        return ContractReader.read(ContractReader.parse(entity.document, ContractReader.Syntax.JSON), entity.dataset)
                .properties().size();
    }
}
