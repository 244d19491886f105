package io.tributary.catalog.lineage;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.repository.ContractVersionRepository;

/**
 * Stores the run events of every service's jobs in the catalog, and answers what their makers ask of it: whether a run
 * has started or finished, and a contract's fields for schema facets. What never changes once stored is remembered:
 * the fields of each contract version, and the runs this process started until they end.
 */
@ApplicationScoped
public class LineageWriter {

    private static final Logger LOG = Logger.getLogger(LineageWriter.class);

    private final LineageRepository lineage;
    private final ContractVersionRepository contracts;
    /** Contract versions never change once stored: their fields are read once. */
    private final Map<String, List<SchemaDatasetFacetFields>> contractFields = new ConcurrentHashMap<>();
    /** The runs this process stored a START or RUNNING of and has not seen end: no need to ask the catalog. */
    private final Set<UUID> startedHere = ConcurrentHashMap.newKeySet();

    public LineageWriter(LineageRepository lineage, ContractVersionRepository contracts) {
        this.lineage = lineage;
        this.contracts = contracts;
    }

    /**
     * Makes events and stores them, in a transaction of their own: what the events are made from (this writer's
     * answers included) is read in it too.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RunEvent> write(Supplier<List<RunEvent>> events) {
        List<RunEvent> made = events.get();
        made.forEach(lineage::record);
        followRuns(made);
        return made;
    }

    private void followRuns(List<RunEvent> stored) {
        for (RunEvent event : stored) {
            UUID run = event.getRun().getRunId();
            if (event.getEventType() == RunEvent.EventType.START || event.getEventType() == RunEvent.EventType.RUNNING) {
                startedHere.add(run);
            } else {
                startedHere.remove(run);
            }
        }
    }

    /**
     * Stores events made beforehand in the caller's transaction (they are stored, or not, with its work), in one
     * round trip: for a run stored whole when it ends, with the write that ends it.
     *
     * @throws IllegalStateException when the catalog cannot take them; the caller's transaction then rolls back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(List<RunEvent> events) {
        try {
            lineage.insert(events);
        } catch (SQLException e) {
            throw new IllegalStateException("the run events could not be stored: " + e.getMessage(), e);
        }
        followRuns(events);
    }

    /** Whether a START of the run is stored. */
    public boolean started(UUID run) {
        return startedHere.contains(run) || lineage.hasEvent(run, RunEvent.EventType.START);
    }

    /** Whether the run has ended: a COMPLETE, FAIL or ABORT of it is stored. */
    public boolean finished(UUID run) {
        return lineage.hasEvent(run, RunEvent.EventType.COMPLETE) || lineage.hasEvent(run, RunEvent.EventType.FAIL)
                || lineage.hasEvent(run, RunEvent.EventType.ABORT);
    }

    /** The properties of a contract version with their logical types; empty when there is none or it cannot be read. */
    public List<SchemaDatasetFacetFields> contractFields(String dataset, int version) {
        if (version <= 0) {
            return List.of();
        }
        List<SchemaDatasetFacetFields> known = contractFields.get(key(dataset, version));
        if (known != null) {
            return known;
        }
        return contracts.findVersion(dataset, version).map(this::fieldsOf).orElse(List.of());
    }

    /** The properties of the dataset's current contract; empty when it has none or it cannot be read. */
    public List<SchemaDatasetFacetFields> currentContractFields(String dataset) {
        return contracts.findCurrent(dataset).map(this::fieldsOf).orElse(List.of());
    }

    private List<SchemaDatasetFacetFields> fieldsOf(ContractVersionEntity stored) {
        return contractFields.computeIfAbsent(key(stored.dataset, stored.version), key -> read(stored));
    }

    private static List<SchemaDatasetFacetFields> read(ContractVersionEntity stored) {
        try {
            return ContractReader.read(ContractReader.parse(stored.document, ContractReader.Syntax.JSON),
                    stored.dataset).properties().stream()
                    .map(p -> LineageEvents.field(p.name(), p.logicalType().odcsName()))
                    .toList();
        } catch (ContractException e) {
            LOG.warnf("contract version %d of %s cannot be read for lineage: %s", stored.version, stored.dataset,
                    e.getMessage());
            return List.of();
        }
    }

    private static String key(String dataset, int version) {
        return dataset + '\n' + version;
    }
}
