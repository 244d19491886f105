package io.tributary.transform.service;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tributary.catalog.event.Channels;
import io.tributary.catalog.repository.FreshnessRepository;
import io.tributary.transform.api.PipelineStatus;
import io.tributary.transform.config.SalesPipelineConfig;
import io.tributary.transform.repository.SalesTableRepository;

@ApplicationScoped
@Transactional
public class PipelineService {

    public static final String SALES = "sales";

    private final SalesPipelineConfig config;
    private final SalesTableRepository table;
    private final FreshnessRepository freshness;

    public PipelineService(SalesPipelineConfig config, SalesTableRepository table, FreshnessRepository freshness) {
        this.config = config;
        this.table = table;
        this.freshness = freshness;
    }

    public List<PipelineStatus> list() throws SQLException {
        return List.of(sales());
    }

    public PipelineStatus sales() throws SQLException {
        return new PipelineStatus(SALES, config.dataset(), Channels.ACCEPTED_RECORDS,
                List.of(SalesTableRepository.CURATED_TABLE, SalesTableRepository.AGGREGATE_TABLE),
                table.aggregatedLines(),
                freshness.findByTable(SalesTableRepository.AGGREGATE_TABLE).map(w -> w.currentAsOf).orElse(null));
    }
}
