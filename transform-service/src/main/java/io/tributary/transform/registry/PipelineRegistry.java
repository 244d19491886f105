package io.tributary.transform.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineCompiler;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineException;
import io.tributary.transform.pipeline.PipelineReader;
import io.tributary.transform.pipeline.Step;

/**
 * The current version of every pipeline, compiled against its dataset's current contract, and the time zone of every
 * source. Read again from the catalog when a pipeline, a contract or a source changed (checked at most once a
 * second), so every replica follows what any of them stored.
 */
@ApplicationScoped
public class PipelineRegistry {

    /** How often every replica reads the catalog again at most: a new version runs everywhere after it. */
    public static final long RECHECK_MILLIS = 1000;
    private static final String FINGERPRINT = "select (select coalesce(max(id), 0) from catalog.pipeline_version) "
            + "|| '/' || (select coalesce(max(id), 0) from catalog.contract_version) || '/' || (select count(*) || "
            + "coalesce(max(updated_at)::text, '') from catalog.source)";

    /** A fact pipeline that looks up a reference pipeline by {@code keyField}. */
    public record Dependent(CompiledPipeline pipeline, String keyField) {
    }

    /**
     * @param datasets the dataset of every declared pipeline whose current version can be read, those whose version
     *        cannot run included, by pipeline name
     */
    private record Snapshot(String fingerprint, Map<String, CompiledPipeline> pipelines,
            Map<String, List<String>> problems, Map<String, ZoneId> zones, Map<String, String> datasets) {
    }

    private final AgroalDataSource dataSource;
    private final ReadDatasets readDatasets;
    private volatile Snapshot snapshot = new Snapshot("", Map.of(), Map.of(), Map.of(), Map.of());
    private volatile long checkedAt;

    public PipelineRegistry(AgroalDataSource dataSource, ReadDatasets readDatasets) {
        this.dataSource = dataSource;
        this.readDatasets = readDatasets;
    }

    /** The current pipelines, references first. */
    public List<CompiledPipeline> current() throws SQLException {
        return new ArrayList<>(fresh().pipelines.values());
    }

    public Optional<CompiledPipeline> find(String name) {
        return Optional.ofNullable(snapshot.pipelines.get(name));
    }

    /** Why the current version of a pipeline cannot run now (its contract changed under it), if it cannot. */
    public List<String> problems(String name) {
        return snapshot.problems.getOrDefault(name, List.of());
    }

    /**
     * The declared pipelines whose current version cannot run now, with why, as last read (at most
     * {@link #RECHECK_MILLIS} old, as {@link #current()} reads it).
     */
    public Map<String, List<String>> blocked() {
        return snapshot.problems;
    }

    /** The dataset a declared pipeline reads, as last read; empty when its current version cannot be read. */
    public Optional<String> datasetOf(String name) {
        return Optional.ofNullable(snapshot.datasets.get(name));
    }

    public ZoneId zoneOf(String source) {
        return snapshot.zones.getOrDefault(source, ZoneOffset.UTC);
    }

    public List<Dependent> dependentsOf(String reference) {
        List<Dependent> dependents = new ArrayList<>();
        for (CompiledPipeline pipeline : snapshot.pipelines.values()) {
            pipeline.definition().steps().stream().filter(Step.Lookup.class::isInstance).map(Step.Lookup.class::cast)
                    .filter(lookup -> lookup.reference().equals(reference))
                    .forEach(lookup -> dependents.add(new Dependent(pipeline, lookup.key())));
        }
        return dependents;
    }

    /** Compiles a definition against its dataset's current contract and the current reference pipelines. */
    public CompiledPipeline compile(PipelineDefinition definition, int version) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return compile(definition, version, contractFields(connection, definition.dataset()), snapshot.pipelines);
        }
    }

    /** Reads the catalog again now. */
    public synchronized void refresh() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            use(load(connection, fingerprint(connection)));
            checkedAt = System.currentTimeMillis();
        }
    }

    private Snapshot fresh() throws SQLException {
        if (System.currentTimeMillis() - checkedAt >= RECHECK_MILLIS) {
            synchronized (this) {
                try (Connection connection = dataSource.getConnection()) {
                    String fingerprint = fingerprint(connection);
                    if (!fingerprint.equals(snapshot.fingerprint)) {
                        use(load(connection, fingerprint));
                    }
                    checkedAt = System.currentTimeMillis();
                }
            }
        }
        return snapshot;
    }

    private void use(Snapshot loaded) {
        snapshot = loaded;
        readDatasets.publish(Set.copyOf(loaded.datasets().values()));
    }

    private static String fingerprint(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FINGERPRINT);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    private static Snapshot load(Connection connection, String fingerprint) throws SQLException {
        List<PipelineDefinition> definitions = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        Map<String, List<String>> problems = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select distinct on (name) name, version, "
                + "document, media_type from catalog.pipeline_version order by name, version desc");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                String name = result.getString(1);
                versions.put(name, result.getInt(2));
                try {
                    definitions.add(PipelineReader.read(result.getString(3), result.getString(4).contains("yaml")));
                } catch (PipelineException e) {
                    problems.put(name, e.problems());
                }
            }
        }
        definitions.sort(Comparator.comparing((PipelineDefinition d) -> d.kind() != PipelineDefinition.Kind.REFERENCE)
                .thenComparing(PipelineDefinition::name));
        Map<String, CompiledPipeline> pipelines = new LinkedHashMap<>();
        for (PipelineDefinition definition : definitions) {
            try {
                pipelines.put(definition.name(), compile(definition, versions.get(definition.name()),
                        contractFields(connection, definition.dataset()), pipelines));
            } catch (PipelineException e) {
                problems.put(definition.name(), e.problems());
            }
        }
        Map<String, String> datasets = definitions.stream().collect(Collectors.toMap(PipelineDefinition::name,
                PipelineDefinition::dataset));
        return new Snapshot(fingerprint, pipelines, problems, zones(connection), datasets);
    }

    private static CompiledPipeline compile(PipelineDefinition definition, int version, Map<String, FieldType> input,
            Map<String, CompiledPipeline> references) {
        return PipelineCompiler.compile(definition, version, input, name -> Optional.ofNullable(references.get(name)));
    }

    private static Map<String, FieldType> contractFields(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select document::text from "
                + "catalog.contract_version where dataset = ? order by version desc limit 1")) {
            query.setString(1, dataset);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new PipelineException(List.of("$.dataset: dataset '" + dataset + "' has no data contract; "
                            + "PUT one to /api/contracts/" + dataset + " first"));
                }
                DataContract contract = ContractReader.read(ContractReader.parse(result.getString(1),
                        ContractReader.Syntax.JSON), dataset);
                Map<String, FieldType> fields = new LinkedHashMap<>();
                for (ContractProperty property : contract.properties()) {
                    fields.put(property.name(), FieldType.of(property.logicalType()));
                }
                return fields;
            } catch (ContractException e) {
                throw new PipelineException(List.of("$.dataset: the contract of '" + dataset + "' cannot be read: "
                        + String.join("; ", e.problems())));
            }
        }
    }

    private static Map<String, ZoneId> zones(Connection connection) throws SQLException {
        Map<String, ZoneId> zones = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select name, time_zone from catalog.source");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                try {
                    zones.put(result.getString(1), ZoneId.of(result.getString(2)));
                } catch (DateTimeException e) {
                    zones.put(result.getString(1), ZoneOffset.UTC);
                }
            }
        }
        return zones;
    }
}
