package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AcceptedTopicsTest {

    private static final String OLD = "tributary-records-accepted";
    private static final String SALES = "tributary-records-accepted.sales";
    private static final String RETURNS = "tributary-records-accepted.returns";

    @Test
    void readsOnlyTheTopicsOfTheDatasetsPipelinesRead() {
        assertEquals(Set.of(SALES), AcceptedTopics.chosen(Set.of("sales"), Set.of(SALES, RETURNS), false));
    }

    @Test
    void leavesOutADatasetsTopicUntilItExists() {
        assertEquals(Set.of(SALES), AcceptedTopics.chosen(Set.of("sales", "returns"), Set.of(SALES), false));
        assertEquals(Set.of(), AcceptedTopics.chosen(Set.of("returns"), Set.of(SALES), false));
    }

    @Test
    void readsTheOldTopicWhileItHoldsRecordsNotApplied() {
        assertEquals(Set.of(OLD, SALES), AcceptedTopics.chosen(Set.of("sales"), Set.of(OLD, SALES), true));
        assertEquals(Set.of(SALES), AcceptedTopics.chosen(Set.of("sales"), Set.of(OLD, SALES), false));
        assertEquals(Set.of(), AcceptedTopics.chosen(Set.of(), Set.of(), true));
    }
}
