package io.tributary.requirements.repository;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.tributary.catalog.repository.LatencyRepository;

/**
 * What the other services recorded in the catalog about what they did: pipelines' progress and watermarks, serving's
 * freshness watermarks, batches with their counts and times, latency counts. Read-only (decision 0020).
 */
@ApplicationScoped
public class MeasurementRepository {

    /** A pipeline's newest version and progress. */
    public record PipelineFacts(String name, String dataset, int version, String eventTimeField,
            Instant eventWatermark, Instant lastAcceptedAt) {
    }

    private static final String PIPELINES = """
            select v.name, v.dataset, v.version, v.document, s.event_watermark, s.last_accepted_at
            from catalog.pipeline_version v
            left join catalog.pipeline_state s on s.name = v.name
            where v.version = (select max(w.version) from catalog.pipeline_version w where w.name = v.name)
            """;
    private static final String CONTRACT_FIELDS = """
            select distinct on (dataset) dataset, fields::text as fields from catalog.schema_version
            where origin = 'CONTRACT' order by dataset, version desc
            """;
    private static final String LAST_DELIVERY = """
            select max((select b.completed_at from catalog.ingestion_batch b
                        where b.source = s.name and b.status = 'COMPLETED' and b.accepted > 0
                        order by b.completed_at desc limit 1))
            from unnest(?::text[]) as s (name)
            """;
    private static final String DELIVERIES_SINCE = """
            select count(*) from catalog.ingestion_batch
            where source = any(?) and status = 'COMPLETED' and accepted > 0 and completed_at >= ?
            """;
    private static final String COUNTS_SINCE = """
            select coalesce(sum(received), 0), coalesce(sum(quarantined), 0) from catalog.ingestion_batch
            where source = any(?) and status = 'COMPLETED' and completed_at >= ?
            """;
    private static final String ACCEPTED_BETWEEN = """
            select coalesce(sum(accepted), 0) from catalog.ingestion_batch
            where source = any(?) and status = 'COMPLETED' and completed_at >= ? and completed_at < ?
            """;
    private static final String OLDEST_HELD = """
            select min((select b.created_at from catalog.ingestion_batch b where b.source = s.name
                        order by b.created_at limit 1))
            from unnest(?::text[]) as s (name)
            """;

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final LatencyRepository latencies;
    /** The event-time field of each pipeline version: documents do not change once stored. */
    private final Map<String, String> eventTimeFields = new ConcurrentHashMap<>();

    public MeasurementRepository(Jdbc jdbc, LatencyRepository latencies) {
        this.jdbc = jdbc;
        this.latencies = latencies;
    }

    public Map<String, PipelineFacts> pipelines() {
        Map<String, PipelineFacts> pipelines = new HashMap<>();
        jdbc.list(PIPELINES, s -> {
        }, row -> {
            String name = row.getString("name");
            int version = row.getInt("version");
            String key = name + "@" + version;
            String field = eventTimeFields.get(key);
            if (field == null) {
                field = eventTimeField(row.getString("document"));
                eventTimeFields.put(key, field);
            }
            return pipelines.put(name, new PipelineFacts(name, row.getString("dataset"), version,
                    field.isEmpty() ? null : field, Jdbc.instant(row, "event_watermark"),
                    Jdbc.instant(row, "last_accepted_at")));
        });
        return pipelines;
    }

    /** Serving's watermark of each table: the newest input it reflects (its answers' {@code currentAsOf}). */
    public Map<String, Instant> freshnessWatermarks() {
        Map<String, Instant> watermarks = new HashMap<>();
        jdbc.list("select table_name, current_as_of from catalog.freshness_watermark", s -> {
        }, row -> watermarks.put(row.getString("table_name"), Jdbc.instant(row, "current_as_of")));
        return watermarks;
    }

    /** The sources of each dataset. */
    public Map<String, List<String>> sourcesByDataset() {
        Map<String, List<String>> sources = new HashMap<>();
        jdbc.list("select name, dataset from catalog.source order by name", s -> {
        }, row -> sources.computeIfAbsent(row.getString("dataset"), d -> new java.util.ArrayList<>())
                .add(row.getString("name")));
        return sources;
    }

    /** The contract's logical type of each field of each dataset: dataset, then field, then type. */
    public Map<String, Map<String, String>> contractTypes() {
        Map<String, Map<String, String>> types = new HashMap<>();
        jdbc.list(CONTRACT_FIELDS, s -> {
        }, row -> {
            Map<String, String> fields = new HashMap<>();
            try {
                for (JsonNode field : JSON.readTree(row.getString("fields"))) {
                    fields.put(field.path("name").asText(), field.path("logicalType").asText());
                }
            } catch (IOException e) {
                throw new SQLException("unreadable field list of dataset " + row.getString("dataset"), e);
            }
            return types.put(row.getString("dataset"), fields);
        });
        return types;
    }

    public Optional<Instant> lastDelivery(List<String> sources) {
        return jdbc.one(LAST_DELIVERY, s -> Jdbc.texts(s, 1, sources), row -> Jdbc.instant(row, 1))
                .filter(java.util.Objects::nonNull);
    }

    public long deliveriesSince(List<String> sources, Instant from) {
        return jdbc.one(DELIVERIES_SINCE, s -> {
            Jdbc.texts(s, 1, sources);
            s.setTimestamp(2, Jdbc.timestamp(from));
        }, row -> row.getLong(1)).orElse(0L);
    }

    public long[] counts(List<String> sources, Instant from) {
        return jdbc.one(COUNTS_SINCE, s -> {
            Jdbc.texts(s, 1, sources);
            s.setTimestamp(2, Jdbc.timestamp(from));
        }, row -> new long[]{row.getLong(1), row.getLong(2)}).orElse(new long[2]);
    }

    public long accepted(List<String> sources, Instant from, Instant to) {
        return jdbc.one(ACCEPTED_BETWEEN, s -> {
            Jdbc.texts(s, 1, sources);
            s.setTimestamp(2, Jdbc.timestamp(from));
            s.setTimestamp(3, Jdbc.timestamp(to));
        }, row -> row.getLong(1)).orElse(0L);
    }

    public Optional<Instant> oldestHeld(List<String> sources) {
        return jdbc.one(OLDEST_HELD, s -> Jdbc.texts(s, 1, sources), row -> Jdbc.instant(row, 1))
                .filter(java.util.Objects::nonNull);
    }

    public long[] latency(String pipeline, LatencyRepository.Basis basis, Instant from, Instant to) {
        try {
            return latencies.counts(pipeline, basis, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("latency counts of pipeline " + pipeline + ": " + e.getMessage(), e);
        }
    }

    private static String eventTimeField(String document) {
        try {
            JsonNode field = YAML.readTree(document).path("eventTime");
            return field.isTextual() ? field.textValue() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
