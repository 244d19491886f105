package io.tributary.ingestion.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.contract.DateTimePatterns;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.name.DatasetName;
import io.tributary.catalog.name.SourceName;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.DatasetRepository;
import io.tributary.catalog.repository.SourceRepository;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.parsing.FormatOptions;

@ApplicationScoped
@Transactional
public class SourceService {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    /** The version of a source's row: PostgreSQL's {@code xmin}, changed by every update of the row. */
    private static final String ROW_VERSION = """
            select cast(cast(xmin as text) as bigint) from catalog.source where name = ?1
            """;

    private final SourceRepository sources;
    private final DatasetRepository datasets;
    private final Path dropRoot;
    private final List<Pattern> allowedTopics;

    public SourceService(SourceRepository sources, DatasetRepository datasets, IngestionConfig config) {
        this.sources = sources;
        this.datasets = datasets;
        this.dropRoot = config.dropRoot();
        this.allowedTopics = config.sourceTopics().stream().map(Pattern::compile).toList();
    }

    public SourceEntity register(SourceDefinition definition) {
        List<String> problems = new ArrayList<>();
        SourceName.RULE.check("name", definition.name(), problems);
        SourceEntity source = new SourceEntity();
        source.name = definition.name();
        apply(definition, source, problems);
        if (sources.findByName(definition.name()).isPresent()) {
            throw new ProblemException(Response.Status.CONFLICT,
                    "a source named '" + definition.name() + "' already exists");
        }
        sources.persist(source);
        return source;
    }

    /** Replaces what the source is; its name stays. */
    public SourceEntity update(String name, SourceDefinition definition) {
        SourceEntity source = get(name);
        if (definition.name() != null && !definition.name().equals(name)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid source definition",
                    List.of("name: a source cannot be renamed; found '" + definition.name()
                            + "' for source '" + name + "'"));
        }
        apply(definition, source, new ArrayList<>());
        source.updatedAt = Instant.now();
        return source;
    }

    public SourceEntity setEnabled(String name, boolean enabled) {
        SourceEntity source = get(name);
        source.enabled = enabled;
        source.updatedAt = Instant.now();
        return source;
    }

    /** Adds column aliases and formats an operator accepted after a drift. */
    public void acceptMapping(String name, Map<String, String> columnAliases, Map<String, String> formats) {
        SourceEntity source = get(name);
        List<String> problems = new ArrayList<>();
        checkMapping(columnAliases, formats, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid mapping", problems);
        }
        source.columnAliases = merged(source.columnAliases, columnAliases);
        source.formats = merged(source.formats, formats);
        source.updatedAt = Instant.now();
    }

    public SourceEntity get(String name) {
        return sources.findByName(name)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no source named '" + name + "'"));
    }

    /** The source with its row's version, read first ({@link KnownSource}). */
    public KnownSource known(String name) {
        List<?> version = sources.getEntityManager().createNativeQuery(ROW_VERSION)
                .setParameter(1, name)
                .getResultList();
        SourceEntity source = get(name);
        return new KnownSource(source, version.isEmpty() ? -1 : ((Number) version.get(0)).longValue());
    }

    /** The answer to data sent to a disabled source. */
    public static ProblemException disabled(String name) {
        return new ProblemException(Response.Status.CONFLICT, "source '" + name + "' is disabled: enable it with POST "
                + "/api/sources/" + name + "/enable");
    }

    public List<SourceEntity> list() {
        return sources.listAll();
    }

    /** Enabled sources that read a Kafka topic. */
    public List<SourceEntity> consuming() {
        return sources.list("enabled = true and topic is not null");
    }

    /** Enabled sources that have a folder to watch. */
    public List<SourceEntity> watching() {
        return sources.list("enabled = true and dropFolder is not null");
    }

    /** Checks the definition (adding to the problems already found) and writes it onto the source. */
    private void apply(SourceDefinition definition, SourceEntity source, List<String> problems) {
        DatasetName.RULE.check("dataset", definition.dataset(), problems);
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
        Map<String, String> options = orEmpty(definition.options());
        FormatOptions.check(options, problems);
        checkMapping(orEmpty(definition.columnAliases()), orEmpty(definition.formats()), problems);
        BigDecimal share = definition.maxQuarantineShare();
        if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
            problems.add("maxQuarantineShare: must be between 0 and 1, found " + share.toPlainString());
        }
        String topic = definition.topic() == null || definition.topic().isBlank() ? null : definition.topic();
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            problems.add("topic: must be a Kafka topic name (letters, digits, '.', '_', '-'; at most 249), found '"
                    + topic + "'");
        }
        if (topic != null && TOPIC.matcher(topic).matches()) {
            problems.addAll(SourceTopics.problems(topic, allowedTopics));
        }
        if (topic != null && format != SourceEntity.Format.NDJSON) {
            problems.add("topic: a topic carries one JSON event per message: the source's format must be NDJSON");
        }
        String dropFolder = definition.dropFolder() == null || definition.dropFolder().isBlank()
                ? null
                : definition.dropFolder().strip();
        if (dropFolder != null) {
            problems.addAll(dropFolderProblems(dropFolder));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid source definition", problems);
        }
        datasets.findOrCreate(definition.dataset());
        source.topic = topic;
        source.dataset = definition.dataset();
        source.format = format;
        source.timeZone = timeZone;
        source.options = Map.copyOf(options);
        source.columnAliases = Map.copyOf(orEmpty(definition.columnAliases()));
        source.formats = Map.copyOf(orEmpty(definition.formats()));
        source.maxQuarantineShare = share;
        source.dropFolder = dropFolder;
    }

    /** The folder a source's drop folder names under the drop root; empty when it is (or now leads) outside it. */
    public Optional<Path> dropFolder(SourceEntity source) {
        try {
            return source.dropFolder == null ? Optional.empty() : DropFolders.resolve(dropRoot, source.dropFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("the drop root " + dropRoot + " cannot be read", e);
        }
    }

    private List<String> dropFolderProblems(String dropFolder) {
        List<String> problems = DropFolders.problems(dropFolder);
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            if (DropFolders.resolve(dropRoot, dropFolder).isEmpty()) {
                return List.of("dropFolder: '" + dropFolder + "' leads out of the drop root through a symbolic link");
            }
        } catch (IOException e) {
            return List.of("dropFolder: '" + dropFolder + "' cannot be checked under the drop root: " + e.getMessage());
        }
        return List.of();
    }

    private static void checkMapping(Map<String, String> columnAliases, Map<String, String> formats,
            List<String> problems) {
        columnAliases.forEach((from, to) -> {
            if (from == null || from.isBlank() || to == null || to.isBlank()) {
                problems.add("columnAliases: '" + from + "' → '" + to + "' needs a field name on both sides");
            }
        });
        formats.forEach((property, pattern) -> {
            try {
                DateTimePatterns.of(pattern, Locale.ROOT);
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add("formats." + property + ": '" + pattern + "' is not a date-time pattern");
            }
        });
    }

    private static Map<String, String> merged(Map<String, String> current, Map<String, String> added) {
        Map<String, String> all = new LinkedHashMap<>(current);
        all.putAll(added);
        return Map.copyOf(all);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
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
