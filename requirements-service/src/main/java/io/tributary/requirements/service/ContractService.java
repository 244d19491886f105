package io.tributary.requirements.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.document.DocumentVersions;
import io.tributary.catalog.document.DocumentVersions.Change;
import io.tributary.catalog.document.DocumentVersions.NewVersion;
import io.tributary.catalog.document.DocumentVersions.Unchanged;
import io.tributary.catalog.document.SentDocument;
import io.tributary.catalog.document.Stored;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.entity.DatasetEntity;
import io.tributary.catalog.entity.SchemaVersionEntity;
import io.tributary.catalog.name.DatasetName;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.catalog.repository.DatasetRepository;
import io.tributary.catalog.repository.SchemaVersionRepository;

/** Accepts ODCS contracts per dataset, keeps every version, and records the field list each declares. */
@ApplicationScoped
@Transactional
public class ContractService {

    private static final int MAX_CONTRACT_ID = 256;
    private static final int MAX_CONTRACT_LABEL = 64;
    private static final int MAX_STATUS = 32;

    private final DatasetRepository datasets;
    private final ContractVersionRepository contracts;
    private final SchemaVersionRepository schemas;
    private final Event<ContractStored> stored;

    public ContractService(DatasetRepository datasets, ContractVersionRepository contracts,
            SchemaVersionRepository schemas, Event<ContractStored> stored) {
        this.datasets = datasets;
        this.contracts = contracts;
        this.schemas = schemas;
        this.stored = stored;
    }

    /**
     * Stores the document as the dataset's next version, unless it is the same document as the current one.
     *
     * @param mediaType the media type the document was sent as; YAML or JSON
     */
    public Stored<ContractVersionEntity> put(String dataset, String text, String mediaType) {
        DatasetName.of("path parameter 'dataset'", dataset);
        SentDocument sent = SentDocument.read(text, mediaType, "contract", ContractException::new);
        DataContract contract = ContractReader.read(sent.tree(), dataset);
        checkLengths(contract);

        DatasetEntity datasetEntity = datasets.findOrCreate(dataset);
        datasets.flush();
        // Serialises concurrent uploads for one dataset, so version numbers never collide.
        datasets.getEntityManager().lock(datasetEntity, LockModeType.PESSIMISTIC_WRITE);

        Change<ContractVersionEntity> change = DocumentVersions.decide(contracts.findCurrent(dataset), sent);
        if (change instanceof Unchanged<ContractVersionEntity> unchanged) {
            return new Stored<>(unchanged.current(), false);
        }
        ContractVersionEntity version = new ContractVersionEntity();
        version.dataset = dataset;
        version.version = ((NewVersion<ContractVersionEntity>) change).version();
        version.contractId = contract.id();
        version.contractLabel = contract.version();
        version.status = contract.status();
        version.document = ContractReader.toJson(sent.tree());
        version.text = sent.text();
        version.mediaType = sent.mediaType();
        String previous = contracts.findCurrent(dataset).map(current -> current.document).orElse(null);
        contracts.persist(version);
        recordSchema(dataset, contract);
        contracts.flush();
        stored.fire(new ContractStored(dataset, version.version, version.document, previous));
        return new Stored<>(version, true);
    }

    public ContractVersionEntity current(String dataset) {
        DatasetName.of("path parameter 'dataset'", dataset);
        return contracts.findCurrent(dataset).orElseThrow(() -> noContract(dataset));
    }

    public ContractVersionEntity version(String dataset, int version) {
        DatasetName.of("path parameter 'dataset'", dataset);
        return contracts.findVersion(dataset, version).orElseThrow(() -> new ProblemException(
                Response.Status.NOT_FOUND, "dataset '" + dataset + "' has no contract version " + version));
    }

    public List<ContractVersionEntity> versions(String dataset) {
        DatasetName.of("path parameter 'dataset'", dataset);
        List<ContractVersionEntity> versions = contracts.listVersions(dataset);
        if (versions.isEmpty()) {
            throw noContract(dataset);
        }
        return versions;
    }

    /** The current version of every dataset that has a contract, by dataset name. */
    public List<ContractVersionEntity> currentVersions() {
        return contracts.list("from ContractVersionEntity v where v.version = "
                + "(select max(c.version) from ContractVersionEntity c where c.dataset = v.dataset) order by v.dataset");
    }

    private void recordSchema(String dataset, DataContract contract) {
        SchemaFields fields = SchemaFields.of(contract);
        schemas.recordIfNew(dataset, SchemaVersionEntity.Origin.CONTRACT, fields.fingerprint(), fields.json());
    }

    /** The catalog's columns bound these; a longer value is the producer's mistake, not a server error. */
    private static void checkLengths(DataContract contract) {
        List<String> problems = new ArrayList<>();
        tooLong("$.id", contract.id(), MAX_CONTRACT_ID, problems);
        tooLong("$.version", contract.version(), MAX_CONTRACT_LABEL, problems);
        tooLong("$.status", contract.status(), MAX_STATUS, problems);
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
    }

    private static void tooLong(String path, String value, int max, List<String> problems) {
        if (value.length() > max) {
            problems.add(path + ": at most " + max + " characters, found " + value.length());
        }
    }

    private static ProblemException noContract(String dataset) {
        return new ProblemException(Response.Status.NOT_FOUND, "dataset '" + dataset + "' has no contract");
    }
}
