package io.tributary.transform.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TableOwnershipTest {

    @Test
    void aPipelineMayUseNamesItOwnsOrNobodyOwns() {
        assertTrue(TableOwnership.conflicts("orders", Map.of()).isEmpty());
        assertTrue(TableOwnership.conflicts("orders", Map.of("orders", "orders", "orders_agg", "orders")).isEmpty());
    }

    @Test
    void namesEachTableAnotherPipelineOwnsAndItsOwner() {
        List<String> problems = TableOwnership.conflicts("orders",
                Map.of("orders", "orders", "orders_agg", "orders_agg", "orders_co_purchases", "orders_co"));
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).startsWith("$.name: table curated.orders_agg belongs to pipeline 'orders_agg'"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("$.name: table curated.orders_co_purchases belongs to pipeline "
                + "'orders_co'"), problems.get(1));
    }
}
