package io.tributary.catalog.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CuratedTablesTest {

    @Test
    void namesEveryTableOfAPipelineInTheCuratedSchema() {
        assertEquals("sales_agg", CuratedTables.aggregate("sales"));
        assertEquals("sales_agg", CuratedTables.freshnessKey("sales"));
        assertEquals("curated.sales_customer_products", CuratedTables.qualified(CuratedTables.customerProducts(
                "sales")));
        assertEquals("curated.sales_co_purchases", CuratedTables.qualified(CuratedTables.coPurchases("sales")));
    }
}
