package io.tributary.ingestion.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.tributary.ingestion.parsing.ReadLimits;

/** The readers' limits, as configured under {@code tributary.ingestion.limits}. */
@ApplicationScoped
public class ReadLimitsProducer {

    @Produces
    ReadLimits readLimits(IngestionConfig config) {
        IngestionConfig.Limits limits = config.limits();
        return new ReadLimits(limits.gzipSize().asLongValue(), limits.gzipRatio(), limits.fieldSize(),
                limits.recordSize(), limits.columns(), limits.jsonDepth(), limits.explodeRecords());
    }
}
