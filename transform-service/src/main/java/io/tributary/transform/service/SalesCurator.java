package io.tributary.transform.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.transform.config.SalesPipelineConfig;
import io.tributary.transform.repository.SalesTableRepository;

/**
 * Turns accepted sales records into curated order lines and the sales-by-region-and-day aggregate. A whole poll of
 * records is applied in one transaction, and Kafka offsets are committed only after it: a redelivered record is
 * already in the curated table and moves nothing, so each record counts exactly once.
 */
@ApplicationScoped
@Transactional
public class SalesCurator {

    private static final Logger LOG = Logger.getLogger(SalesCurator.class);

    private final SalesPipelineConfig config;
    private final SalesTableRepository table;
    private final QuarantineRepository quarantine;
    private final Counter applied;
    private final Counter quarantined;
    private final Counter unreadable;

    public SalesCurator(SalesPipelineConfig config, SalesTableRepository table, QuarantineRepository quarantine,
            MeterRegistry meters) {
        this.config = config;
        this.table = table;
        this.quarantine = quarantine;
        this.applied = meters.counter("tributary.transform.records", "pipeline", "sales", "outcome", "applied");
        this.quarantined = meters.counter("tributary.transform.records", "pipeline", "sales", "outcome", "quarantined");
        this.unreadable = meters.counter("tributary.transform.records", "pipeline", "sales", "outcome", "unreadable");
    }

    public void apply(List<RecordEvent> events) throws SQLException {
        List<SaleLine> lines = new ArrayList<>(events.size());
        for (RecordEvent event : events) {
            if (event == null) {
                unreadable.increment();
                LOG.warn("skipped a message on the accepted-records topic that is not a RecordEvent");
            } else if (config.dataset().equals(event.tributarydataset())) {
                try {
                    lines.add(toLine(event));
                } catch (IllegalArgumentException e) {
                    quarantine.persist(quarantineEntry(event, e.getMessage()));
                    quarantined.increment();
                }
            }
        }
        table.apply(lines);
        applied.increment(lines.size());
    }

    private SaleLine toLine(RecordEvent event) {
        Object date = required(event, config.orderDateField());
        Object region = required(event, config.regionField());
        Object amount = required(event, config.amountField());
        try {
            return new SaleLine(event.id(), event.sourceName(), event.tributarybatch(),
                    LocalDate.parse(date.toString()), region.toString(), new BigDecimal(amount.toString()),
                    new String(EventJson.write(event.data()), StandardCharsets.UTF_8), event.time());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("record " + event.id() + " has an unreadable value: " + e.getMessage());
        }
    }

    private static Object required(RecordEvent event, String field) {
        Object value = event.data() == null ? null : event.data().get(field);
        if (value == null) {
            throw new IllegalArgumentException("record " + event.id() + " has no value for '" + field + "'");
        }
        return value;
    }

    private static QuarantinedRecordEntity quarantineEntry(RecordEvent event, String reason) {
        QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
        entry.batchId = event.tributarybatch();
        entry.dataset = event.tributarydataset();
        entry.position = event.tributaryposition();
        entry.rule = "transform.sales";
        entry.reason = reason;
        entry.raw = new String(EventJson.write(event), StandardCharsets.UTF_8);
        return entry;
    }
}
