package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.event.Channels;
import io.tributary.local.SuiteConfig;

class AcceptedRecordsTopicTest {

    @Test
    void localSuiteCreatesTheAlertsTopicAndLeavesEachDatasetsTopicToIngestion() {
        assertTrue(SuiteConfig.TOPICS.contains(Channels.ALERTS), SuiteConfig.TOPICS::toString);
        assertFalse(SuiteConfig.TOPICS.stream().anyMatch(t -> t.startsWith(Channels.ACCEPTED_RECORDS)),
                SuiteConfig.TOPICS::toString);
    }
}
