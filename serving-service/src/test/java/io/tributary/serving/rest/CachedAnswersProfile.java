package io.tributary.serving.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with its answer cache on, as it runs outside tests. */
public class CachedAnswersProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tributary.serving.answer-cache.enabled", "true");
    }
}
