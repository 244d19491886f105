package io.tributary.serving.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FreshnessLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheMaximumInEachUnitTheRequirementsServiceWrites() throws Exception {
        assertEquals(60.0, FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\",\"maximum\":60,\"unit\":\"s\"}")));
        assertEquals(300.0, FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\",\"maximum\":5,\"unit\":\"min\"}")));
        assertEquals(7200.0,
                FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\",\"maximum\":2,\"unit\":\"hours\"}")));
        assertEquals(0.25, FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\",\"maximum\":250,\"unit\":\"ms\"}")));
        assertEquals(86400.0, FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\",\"maximum\":1,\"unit\":\"d\"}")));
    }

    @Test
    void hasNoLimitForOtherKindsOrUnreadableOnes() throws Exception {
        assertNull(FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"latency\",\"maximum\":5,\"unit\":\"s\"}")));
        assertNull(FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\",\"maximum\":5,\"unit\":\"fortnight\"}")));
        assertNull(FreshnessLimit.maxAgeSeconds(objective("{\"kind\":\"freshness\"}")));
        assertNull(FreshnessLimit.maxAgeSeconds(null));
    }

    private static JsonNode objective(String text) throws Exception {
        return JSON.readTree(text);
    }
}
