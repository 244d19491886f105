package io.tributary.requirements.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.entity.ContractVersionEntity;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.repository.ClauseRepository;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.StakeholderRepository;
import io.tributary.requirements.repository.TopologyRepository;
import io.tributary.requirements.requirement.Level;
import io.tributary.requirements.requirement.Origin;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementConfirmed;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementKind;
import io.tributary.requirements.requirement.RequirementService;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;
import io.tributary.requirements.service.ContractService;
import io.tributary.requirements.service.ContractStored;

/**
 * Keeps contracts and requirements in step, in the transaction of the change. A confirmed non-functional requirement
 * on a dataset that has a contract is written into it as a new version: its SLA property and its stakeholders in the
 * team. A stored contract's SLA properties are linked to the requirements that carry them; one that no requirement
 * carries becomes a proposed system requirement, read back to be confirmed.
 */
@ApplicationScoped
public class ContractSync {

    static final String IMPORTER = "contract import";
    private static final Logger LOG = Logger.getLogger(ContractSync.class);

    private final ContractService contractService;
    private final ContractVersionRepository contracts;
    private final TopologyRepository topology;
    private final ClauseRepository clauses;
    private final StakeholderRepository stakeholders;
    private final RequirementRepository requirementStore;
    private final RequirementService requirements;

    public ContractSync(ContractService contractService, ContractVersionRepository contracts,
            TopologyRepository topology, ClauseRepository clauses, StakeholderRepository stakeholders,
            RequirementRepository requirementStore, RequirementService requirements) {
        this.contractService = contractService;
        this.contracts = contracts;
        this.topology = topology;
        this.clauses = clauses;
        this.stakeholders = stakeholders;
        this.requirementStore = requirementStore;
        this.requirements = requirements;
    }

    void onConfirmed(@Observes RequirementConfirmed confirmed) {
        RequirementVersion version = confirmed.version();
        RequirementContent content = version.content();
        if (content.kind() != RequirementKind.NON_FUNCTIONAL || !content.measured() || content.target() == null) {
            return;
        }
        Optional<String> dataset = topology.load().datasetOf(content.target());
        Optional<ContractVersionEntity> current = dataset.flatMap(contracts::findCurrent);
        if (current.isEmpty()) {
            LOG.infof("requirement %d is confirmed; %s has no contract to carry it yet", version.requirementId(),
                    content.target().words());
            return;
        }
        Optional<ObjectNode> clause = SlaClauses.toSla(version.requirementId(), content, version.readBack());
        if (clause.isEmpty()) {
            return;
        }
        JsonNode document = ContractReader.parse(current.get().document, ContractReader.Syntax.JSON);
        ObjectNode updated = ContractDocuments.withClause(document, clause.get(),
                List.copyOf(stakeholders.findAll(content.stakeholderIds()).values()));
        contractService.put(dataset.get(), ContractReader.toJson(updated), "application/json");
    }

    void onStored(@Observes ContractStored stored) {
        JsonNode document = ContractReader.parse(stored.document(), ContractReader.Syntax.JSON);
        JsonNode slas = document.path("slaProperties");
        List<Clause> known = clauses.ofDataset(stored.dataset());
        for (int i = 0; i < slas.size(); i++) {
            JsonNode sla = slas.get(i);
            String key = SlaClauses.key(sla);
            String clauseId = sla.path("id").asText("slaProperties-" + i);
            Optional<Long> written = SlaClauses.requirementOf(sla).filter(requirementStore::exists);
            Optional<Clause> backing = known.stream().filter(c -> c.clauseKey().equals(key)).reduce((a, b) -> b);
            if (written.isPresent()) {
                link(written.get(), stored, clauseId, sla, key);
            } else if (backing.isPresent()) {
                link(backing.get().requirementId(), stored, clauseId, sla, key);
            } else {
                Requirement imported = requirements.createProposed(imported(stored.dataset(), sla), Origin.CONTRACT,
                        IMPORTER, "slaProperties[" + i + "] of contract version " + stored.version() + " of dataset '"
                                + stored.dataset() + "'");
                link(imported.id(), stored, clauseId, sla, key);
            }
        }
    }

    private void link(long requirementId, ContractStored stored, String clauseId, JsonNode sla, String key) {
        int version = requirementStore.find(requirementId).map(r -> r.effective().version()).orElse(1);
        clauses.record(new Clause(requirementId, version, stored.dataset(), stored.version(), clauseId,
                sla.path("property").asText(), key, null));
    }

    private static RequirementContent imported(String dataset, JsonNode sla) {
        Objective objective = SlaClauses.objectiveOf(sla).orElse(null);
        String element = sla.path("element").asText("");
        List<String> elements = element.isBlank()
                ? List.of()
                : java.util.Arrays.stream(element.split(",")).map(String::strip).filter(Objects::nonNull).toList();
        return new RequirementContent(Level.SYSTEM, RequirementKind.NON_FUNCTIONAL, null, null, List.of(),
                SlaClauses.statement(sla), List.of(), new Target(TargetType.DATASET, dataset), elements,
                driver(sla.path("driver").asText("")), objective, objective == null ? null : Slo.DEFAULT);
    }

    private static io.tributary.requirements.requirement.Driver driver(String text) {
        for (var driver : io.tributary.requirements.requirement.Driver.values()) {
            if (driver.name().equalsIgnoreCase(text)) {
                return driver;
            }
        }
        return null;
    }
}
