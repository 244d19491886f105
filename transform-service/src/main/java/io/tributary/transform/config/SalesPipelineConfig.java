package io.tributary.transform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which dataset feeds the curated sales table, and which of its contract properties it reads. */
@ConfigMapping(prefix = "tributary.transform.sales")
public interface SalesPipelineConfig {

    /** The dataset whose accepted records become curated sales. */
    @WithDefault("sales")
    String dataset();

    /** The contract property holding the order's calendar date. */
    @WithDefault("order_date")
    String orderDateField();

    /** The contract property holding the sales region. */
    @WithDefault("region")
    String regionField();

    /** The contract property holding the sales amount, an exact decimal. */
    @WithDefault("sales")
    String amountField();
}
