package io.tributary.transform;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with first versions' backlogs of ten records and more built beside the tables (decision 0061), and a
 * running pipeline's tables built again from its topic when a hundred records and more wait (decision 0062).
 */
public class SmallBacklogs implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tributary.transform.backlog.min-records", "10",
                "tributary.transform.backlog.running-min-records", "100");
    }
}
