package io.tributary.requirements.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

class TopologyTest {

    private final Topology topology = new Topology(Map.of("webshop", "sales", "pos", "sales", "crm", "customers"),
            Map.of("sales", "sales", "sales_daily", "sales", "customers", "customers"));
    private final Target query = new Target(TargetType.SERVING, "/api/metrics/sales?groupBy=region");

    @Test
    void findsTheDatasetOfEveryKindOfTarget() {
        assertEquals(Optional.of("sales"), topology.datasetOf(query));
        assertEquals(Optional.of("sales"), topology.datasetOf(new Target(TargetType.SOURCE, "pos")));
        assertEquals(Optional.of("customers"), topology.datasetOf(new Target(TargetType.PIPELINE, "customers")));
        assertEquals(Optional.empty(), topology.datasetOf(new Target(TargetType.PIPELINE, "returns")));
    }

    @Test
    void aSourceChangeReachesItsDatasetsPipelinesAndTheirQueries() {
        Target webshop = new Target(TargetType.SOURCE, "webshop");
        assertTrue(topology.touches(webshop, query));
        assertTrue(topology.touches(webshop, new Target(TargetType.DATASET, "sales")));
        assertTrue(topology.touches(webshop, new Target(TargetType.PIPELINE, "sales_daily")));
        assertFalse(topology.touches(webshop, new Target(TargetType.SOURCE, "pos")));
        assertFalse(topology.touches(webshop, new Target(TargetType.PIPELINE, "customers")));
    }

    @Test
    void aPipelineChangeReachesItsQueriesOnly() {
        Target pipeline = new Target(TargetType.PIPELINE, "sales");
        assertTrue(topology.touches(pipeline, query));
        assertFalse(topology.touches(pipeline, new Target(TargetType.DATASET, "sales")));
        assertFalse(topology.touches(pipeline, new Target(TargetType.PIPELINE, "sales_daily")));
    }

    @Test
    void tracesAServingQueryBackToItsSources() {
        assertEquals(List.of(new Target(TargetType.SOURCE, "pos"), new Target(TargetType.SOURCE, "webshop"),
                new Target(TargetType.DATASET, "sales"), new Target(TargetType.PIPELINE, "sales"), query),
                topology.lineage(query));
    }
}
