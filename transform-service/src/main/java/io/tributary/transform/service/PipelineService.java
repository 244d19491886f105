package io.tributary.transform.service;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.document.DocumentVersions;
import io.tributary.catalog.document.DocumentVersions.Change;
import io.tributary.catalog.document.DocumentVersions.NewVersion;
import io.tributary.catalog.document.DocumentVersions.Unchanged;
import io.tributary.catalog.document.SentDocument;
import io.tributary.catalog.document.Stored;
import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.PipelineVersionRepository;
import io.tributary.transform.aggregate.AggregateRepository;
import io.tributary.transform.analytics.AnalyticsViews;
import io.tributary.transform.apply.BacklogBuild;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.curated.TableOwnerRepository;
import io.tributary.transform.curated.TableOwnership;
import io.tributary.transform.features.FeatureRepository;
import io.tributary.transform.messaging.AcceptedRecordsLag;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineException;
import io.tributary.transform.pipeline.PipelineReader;
import io.tributary.transform.pipeline.Step;
import io.tributary.transform.progress.PipelineMetrics;
import io.tributary.transform.progress.PipelineStateRepository;
import io.tributary.transform.registry.PipelineRegistry;

/** Declares pipelines (each PUT is a new version, with its tables created or evolved) and reports on them. */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class PipelineService {

    private final PipelineVersionRepository versions;
    private final PipelineRegistry registry;
    private final CuratedTableRepository tables;
    private final TableOwnerRepository owners;
    private final AggregateRepository aggregates;
    private final FeatureRepository features;
    private final PipelineStateRepository states;
    private final AcceptedRecordsLag lag;
    private final PipelineMetrics metrics;
    private final Event<PipelineChanged> changed;
    private final AnalyticsViews views;
    private final BacklogBuild backlogs;

    public PipelineService(PipelineVersionRepository versions, PipelineRegistry registry,
            CuratedTableRepository tables, TableOwnerRepository owners, AggregateRepository aggregates,
            FeatureRepository features, PipelineStateRepository states, AcceptedRecordsLag lag, PipelineMetrics metrics,
            Event<PipelineChanged> changed, AnalyticsViews views, BacklogBuild backlogs) {
        this.versions = versions;
        this.registry = registry;
        this.tables = tables;
        this.owners = owners;
        this.aggregates = aggregates;
        this.features = features;
        this.states = states;
        this.lag = lag;
        this.metrics = metrics;
        this.changed = changed;
        this.views = views;
        this.backlogs = backlogs;
    }

    /**
     * Stores the document as the pipeline's next version, with its tables created or evolved and the analysts' views
     * of them made again, unless it is the same document as the current one. The pipeline claims its table names when first declared; a name another pipeline
     * owns is a conflict (409 naming the owner), and nothing is touched.
     *
     * @param mediaType the media type the document was sent as; YAML or JSON
     */
    public Stored<PipelineVersionEntity> put(String name, String document, String mediaType) throws SQLException {
        SentDocument sent = SentDocument.read(document, mediaType, "pipeline", PipelineException::new);
        PipelineDefinition definition = PipelineReader.read(sent.tree());
        if (!name.equals(definition.name())) {
            throw new PipelineException(List.of("$.name: the document declares pipeline '" + definition.name()
                    + "' but was sent to /api/pipelines/" + name));
        }
        Optional<PipelineVersionEntity> current = versions.findCurrent(name);
        Change<PipelineVersionEntity> change = DocumentVersions.decide(current, sent);
        if (change instanceof Unchanged<PipelineVersionEntity> unchanged) {
            return new Stored<>(unchanged.current(), false);
        }
        if (current.isPresent() && !current.get().dataset.equals(definition.dataset())) {
            throw conflict(List.of("$.dataset: pipeline '" + name + "' reads dataset '" + current.get().dataset
                    + "'; declare a new pipeline to read '" + definition.dataset() + "'"));
        }
        int version = ((NewVersion<PipelineVersionEntity>) change).version();
        CompiledPipeline compiled = registry.compile(definition, version);
        List<String> foreign = TableOwnership.conflicts(name, owners.claim(name, CuratedTables.all(name)));
        if (!foreign.isEmpty()) {
            throw conflict(foreign);
        }
        views.dropOf(name);
        List<String> conflicts = tables.ensure(compiled, indexed(compiled));
        if (!conflicts.isEmpty()) {
            throw conflict(conflicts);
        }
        aggregates.ensure(compiled);
        features.ensure(compiled);
        PipelineVersionEntity entity = new PipelineVersionEntity();
        entity.name = name;
        entity.version = version;
        entity.dataset = definition.dataset();
        entity.kind = definition.kind().name();
        entity.document = sent.text();
        entity.mediaType = sent.mediaType();
        AggregateLayout layout = AggregateRepository.layout(compiled);
        entity.aggregateLayout = layout == null ? null : layout.toJson();
        entity.columnLineage = new String(EventJson.write(new TreeMap<>(compiled.lineage())), StandardCharsets.UTF_8);
        versions.persist(entity);
        versions.flush();
        views.makeOf(name);
        changed.fire(new PipelineChanged(name, version, backlogs.claim(compiled).orElse(null)));
        return new Stored<>(entity, true);
    }

    /** The answer about a pipeline that was never declared. */
    public static ProblemException unknown(String name) {
        return new ProblemException(Response.Status.NOT_FOUND, "no pipeline named '" + name + "'; declare it with PUT "
                + "/api/pipelines/" + name);
    }

    private static ProblemException conflict(List<String> problems) {
        return new ProblemException(Response.Status.CONFLICT, "the pipeline version contradicts what is stored",
                problems);
    }

    public List<PipelineVersionEntity> list() {
        return versions.listCurrent();
    }

    public PipelineVersionEntity current(String name) {
        return versions.findCurrent(name).orElseThrow(() -> unknown(name));
    }

    public PipelineVersionEntity version(String name, int version) {
        return versions.findVersion(name, version).orElseThrow(() -> unknown(name));
    }

    public List<PipelineVersionEntity> versions(String name) {
        List<PipelineVersionEntity> all = versions.listVersions(name);
        if (all.isEmpty()) {
            throw unknown(name);
        }
        return all;
    }

    /**
     * The pipeline's current version, what it has done so far (as committed), and how far behind it is: the records of
     * its dataset not applied yet.
     */
    public PipelineReport report(String name) throws SQLException {
        registry.current(); // read the catalog again if it is older than a second: the problems are today's
        PipelineVersionEntity current = current(name);
        return new PipelineReport(current, states.find(name), registry.problems(name),
                states.pauseOf(name).orElse(null), lag.measure(current.dataset), metrics.recordsPerSecond(name));
    }

    /** The tables a pipeline writes. */
    public static List<String> tablesOf(PipelineVersionEntity version) {
        return tablesOf(PipelineReader.read(version));
    }

    /** The tables a pipeline of this definition writes, {@code curated.<table>}, its curated table first. */
    public static List<String> tablesOf(PipelineDefinition definition) {
        String name = definition.name();
        List<String> names = new ArrayList<>(List.of(CuratedTables.qualified(CuratedTables.curated(name))));
        if (definition.aggregate() != null) {
            names.add(CuratedTables.qualified(CuratedTables.aggregate(name)));
        }
        if (definition.features() != null) {
            names.add(CuratedTables.qualified(CuratedTables.customerProducts(name)));
            names.add(CuratedTables.qualified(CuratedTables.coPurchases(name)));
        }
        return names;
    }

    /** Columns rows are found by: lookup keys, and the order and the customer's products of the features. */
    public static Set<List<String>> indexed(CompiledPipeline pipeline) {
        Set<List<String>> indexes = new LinkedHashSet<>();
        pipeline.definition().steps().stream().filter(Step.Lookup.class::isInstance)
                .forEach(step -> indexes.add(List.of(((Step.Lookup) step).key())));
        PipelineDefinition.Features features = pipeline.definition().features();
        if (features != null) {
            indexes.add(List.of(features.order()));
            indexes.add(List.of(features.customer(), features.product()));
        }
        return indexes;
    }
}
