package io.tributary.ingestion.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.repository.DatasetRepository;
import io.tributary.catalog.repository.SourceRepository;
import io.tributary.ingestion.parsing.FormatOptions;

@ApplicationScoped
@Transactional
public class SourceService {

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,127}");
    private static final Pattern DATASET_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final SourceRepository sources;
    private final DatasetRepository datasets;

    public SourceService(SourceRepository sources, DatasetRepository datasets) {
        this.sources = sources;
        this.datasets = datasets;
    }

    public SourceEntity register(SourceDefinition definition) {
        SourceEntity source = toEntity(definition);
        if (sources.findByName(source.name).isPresent()) {
            throw new SourceConflictException(source.name);
        }
        datasets.findOrCreate(source.dataset);
        sources.persist(source);
        return source;
    }

    public SourceEntity get(String name) {
        return sources.findByName(name).orElseThrow(() -> new UnknownSourceException(name));
    }

    public List<SourceEntity> list() {
        return sources.listAll();
    }

    private static SourceEntity toEntity(SourceDefinition definition) {
        List<String> problems = new ArrayList<>();
        if (definition.name() == null || !SOURCE_NAME.matcher(definition.name()).matches()) {
            problems.add("name: must match " + SOURCE_NAME + ", found " + quoted(definition.name()));
        }
        if (definition.dataset() == null || !DATASET_NAME.matcher(definition.dataset()).matches()) {
            problems.add("dataset: must match " + DATASET_NAME + ", found " + quoted(definition.dataset()));
        }
        SourceEntity.Format format = format(definition.format());
        if (format == null) {
            problems.add("format: must be one of " + List.of(SourceEntity.Format.values()) + ", found "
                    + quoted(definition.format()));
        }
        String timeZone = definition.timeZone() == null ? "UTC" : definition.timeZone();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add("timeZone: must be an IANA time zone such as Europe/Paris, found " + quoted(timeZone));
        }
        Map<String, String> options = definition.options() == null ? Map.of() : definition.options();
        FormatOptions.check(options, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        SourceEntity source = new SourceEntity();
        source.name = definition.name();
        source.dataset = definition.dataset();
        source.format = format;
        source.timeZone = timeZone;
        source.options = Map.copyOf(options);
        return source;
    }

    private static SourceEntity.Format format(String name) {
        for (SourceEntity.Format format : SourceEntity.Format.values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        return null;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
