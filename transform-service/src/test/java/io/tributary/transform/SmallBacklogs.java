package io.tributary.transform;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with backlogs of ten records and more built beside the tables (decision 0061). */
public class SmallBacklogs implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tributary.transform.backlog.min-records", "10");
    }
}
