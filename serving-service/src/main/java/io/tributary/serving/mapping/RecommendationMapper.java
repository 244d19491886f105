package io.tributary.serving.mapping;

import java.util.List;

import io.tributary.serving.api.RecommendationResponse;
import io.tributary.serving.recommend.Recommendations;

public final class RecommendationMapper {

    private RecommendationMapper() {
    }

    public static RecommendationResponse forCustomer(Recommendations recommendations) {
        return new RecommendationResponse(recommendations.pipeline(), recommendations.subject(), null,
                recommendations.currentAsOf(), items(recommendations));
    }

    public static RecommendationResponse similar(Recommendations recommendations) {
        return new RecommendationResponse(recommendations.pipeline(), null, recommendations.subject(),
                recommendations.currentAsOf(), items(recommendations));
    }

    private static List<RecommendationResponse.Item> items(Recommendations recommendations) {
        return recommendations.products().stream()
                .map(r -> new RecommendationResponse.Item(r.product(), r.score(), r.basis(), r.reason())).toList();
    }
}
