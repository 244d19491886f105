package io.tributary.ingestion.lineage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.lineage.LineageRepository;
import io.tributary.catalog.lineage.OpenLineage;
import io.tributary.catalog.lineage.RunEvent;
import io.tributary.catalog.lineage.SchemaDatasetFacet;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.ingestion.service.BatchLifecycle;

/** Stores a batch step's run events in the catalog, in a transaction of their own. */
@ApplicationScoped
public class LineageWriter {

    private static final Logger LOG = Logger.getLogger(LineageWriter.class);

    private final LineageRepository lineage;
    private final ContractVersionRepository contracts;
    private final BatchRunEvents runEvents;
    /** Contract versions never change once stored: their schema facets are read once. */
    private final Map<String, List<SchemaDatasetFacet.Field>> contractFields = new ConcurrentHashMap<>();
    /** The runs this process stored a START of and has not seen end: their next step need not ask the catalog. */
    private final Set<UUID> startedHere = ConcurrentHashMap.newKeySet();

    public LineageWriter(LineageRepository lineage, ContractVersionRepository contracts,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.outgoing." + Channels.ACCEPTED_RECORDS
                    + ".topic", defaultValue = Channels.ACCEPTED_RECORDS) String acceptedTopic) {
        this.lineage = lineage;
        this.contracts = contracts;
        this.runEvents = new BatchRunEvents(OpenLineage.kafkaNamespace(bootstrapServers), acceptedTopic);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RunEvent> record(BatchLifecycle step) {
        boolean started = step.phase() == BatchLifecycle.Phase.STARTED
                ? lineage.hasEvent(step.batchId(), RunEvent.EventType.START)
                : startedHere.remove(step.batchId()) || lineage.hasEvent(step.batchId(), RunEvent.EventType.START);
        List<RunEvent> events = runEvents.of(step, fieldsOf(step.dataset(), step.contractVersion()), started);
        events.forEach(lineage::record);
        if (step.phase() == BatchLifecycle.Phase.STARTED) {
            startedHere.add(step.batchId());
        }
        return events;
    }

    private List<SchemaDatasetFacet.Field> fieldsOf(String dataset, int version) {
        if (version <= 0) {
            return List.of();
        }
        String key = dataset + '\n' + version;
        List<SchemaDatasetFacet.Field> known = contractFields.get(key);
        if (known != null) {
            return known;
        }
        List<SchemaDatasetFacet.Field> fields = contracts.findVersion(dataset, version)
                .map(stored -> read(stored.document, dataset, version))
                .orElse(List.of());
        contractFields.put(key, fields);
        return fields;
    }

    private static List<SchemaDatasetFacet.Field> read(String document, String dataset, int version) {
        try {
            return ContractReader.read(ContractReader.parse(document, ContractReader.Syntax.JSON), dataset)
                    .properties().stream()
                    .map(p -> SchemaDatasetFacet.Field.typed(p.name(), p.logicalType().odcsName()))
                    .toList();
        } catch (ContractException e) {
            LOG.warnf("contract version %d of %s cannot be read for lineage: %s", version, dataset, e.getMessage());
            return List.of();
        }
    }
}
