package io.tributary.requirements.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.event.AlertEvent;
import io.tributary.requirements.alert.AlertKind;
import io.tributary.requirements.alert.AlertService;
import io.tributary.requirements.alert.AlertSubject;
import io.tributary.requirements.alert.AlertsRaised;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.StakeholderRepository;
import io.tributary.requirements.repository.TopologyRepository;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementConfirmed;
import io.tributary.requirements.requirement.RequirementService;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;
import io.tributary.requirements.service.ContractStored;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * When something a confirmed requirement depends on changes, the requirement needs confirming again and its
 * stakeholders are told, before their numbers break: a NEEDS_RECONFIRMATION alert is opened (stored, published, POSTed
 * to their webhooks) and resolves when they confirm it again.
 */
@ApplicationScoped
public class ChangePropagation {

    static final String ACTOR = "change propagation";
    private static final Logger LOG = Logger.getLogger(ChangePropagation.class);

    private final RequirementRepository requirements;
    private final RequirementService requirementService;
    private final StakeholderRepository stakeholders;
    private final TopologyRepository topology;
    private final AlertService alerts;
    private final Event<AlertsRaised> raised;

    public ChangePropagation(RequirementRepository requirements, RequirementService requirementService,
            StakeholderRepository stakeholders, TopologyRepository topology, AlertService alerts,
            Event<AlertsRaised> raised) {
        this.requirements = requirements;
        this.requirementService = requirementService;
        this.stakeholders = stakeholders;
        this.topology = topology;
        this.alerts = alerts;
        this.raised = raised;
    }

    /** A new contract version that removes or retypes fields touches the requirements that use them. */
    void onContract(@Observes ContractStored stored) {
        if (stored.previousDocument() == null) {
            return;
        }
        Set<String> changed = changedFields(fields(stored.dataset(), stored.previousDocument()),
                fields(stored.dataset(), stored.document()));
        if (!changed.isEmpty()) {
            propagate(new Change(new Target(TargetType.DATASET, stored.dataset()), changed, Instant.now(),
                    "version " + stored.version() + " of the contract of dataset '" + stored.dataset()
                            + "' removed or retyped " + String.join(", ", changed)));
        }
    }

    /** Confirming a reopened requirement again resolves its notice. */
    void onConfirmed(@Observes RequirementConfirmed confirmed) {
        AlertSubject subject = new AlertSubject(confirmed.version().requirementId(), confirmed.version().version(),
                confirmed.version().content().statement(), confirmed.version().content().target(), null, null, null,
                people(confirmed.version().content().stakeholderIds()));
        alerts.resolve(subject, AlertKind.NEEDS_RECONFIRMATION, null, Instant.now())
                .ifPresent(event -> raised.fire(new AlertsRaised(List.of(event))));
    }

    /** Reopens every confirmed requirement the change touches and tells its stakeholders; the ids reopened. */
    public List<Long> propagate(Change change) {
        List<Requirement> touched = Impact.touched(change, requirements.list(), topology.load());
        List<AlertEvent> events = new ArrayList<>();
        List<Long> reopened = new ArrayList<>();
        for (Requirement requirement : touched) {
            if (!requirementService.reopen(requirement.id(), ACTOR, change.description())) {
                continue;
            }
            reopened.add(requirement.id());
            var content = requirement.effective().content();
            AlertSubject subject = new AlertSubject(requirement.id(), requirement.effective().version(),
                    content.statement(), content.target(), null, null, null, people(content.stakeholderIds()));
            alerts.open(subject, AlertKind.NEEDS_RECONFIRMATION, "Requirement " + requirement.id()
                    + " needs confirming again: " + change.description(), null, Instant.now()).ifPresent(events::add);
        }
        if (!reopened.isEmpty()) {
            LOG.infof("%s: requirements %s need confirming again", change.description(), reopened);
            raised.fire(new AlertsRaised(events));
        }
        return reopened;
    }

    /** Fields of the first that the second no longer has, or has with another logical type. */
    static Set<String> changedFields(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new LinkedHashSet<>();
        before.forEach((name, type) -> {
            if (!Objects.equals(type, after.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static Map<String, String> fields(String dataset, String document) {
        DataContract contract = ContractReader.read(ContractReader.parse(document, ContractReader.Syntax.JSON),
                dataset);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (ContractProperty property : contract.properties()) {
            fields.put(property.name(), property.logicalType().odcsName());
        }
        return fields;
    }

    private List<Stakeholder> people(List<Long> ids) {
        Map<Long, Stakeholder> found = stakeholders.findAll(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
