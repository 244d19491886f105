package io.tributary.serving.mapping;

import io.tributary.serving.api.CoPurchaseResponse;
import io.tributary.serving.api.PurchaseHistoryResponse;
import io.tributary.serving.service.CoPurchases;
import io.tributary.serving.service.PurchaseHistory;

public final class FeatureMapper {

    private FeatureMapper() {
    }

    public static PurchaseHistoryResponse toResponse(PurchaseHistory history) {
        return new PurchaseHistoryResponse(history.pipeline(), history.customer(), history.currentAsOf(),
                history.purchases().stream()
                        .map(p -> new PurchaseHistoryResponse.Purchase(p.product(), p.orders(), p.quantity(), p.lastEvent()))
                        .toList());
    }

    public static CoPurchaseResponse toResponse(CoPurchases pairs) {
        return new CoPurchaseResponse(pairs.pipeline(), pairs.product(), pairs.currentAsOf(), pairs.boughtWith().stream()
                .map(p -> new CoPurchaseResponse.Pair(p.product(), p.orders())).toList());
    }
}
