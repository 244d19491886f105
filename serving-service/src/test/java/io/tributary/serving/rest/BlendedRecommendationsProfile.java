package io.tributary.serving.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with co-purchases blended with popularity rather than ranked ahead of the best sellers. */
public class BlendedRecommendationsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tributary.serving.recommendations.blend", "true");
    }
}
