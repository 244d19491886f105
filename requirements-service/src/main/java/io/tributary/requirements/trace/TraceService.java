package io.tributary.requirements.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.name.DatasetName;
import io.tributary.requirements.contract.Clause;
import io.tributary.requirements.repository.AlertRepository;
import io.tributary.requirements.repository.ClauseRepository;
import io.tributary.requirements.repository.GoalRepository;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.SloRepository;
import io.tributary.requirements.repository.StakeholderRepository;
import io.tributary.requirements.repository.TopologyRepository;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementService;
import io.tributary.requirements.requirement.TargetType;

/** Traceability: from a requirement to everything it rests on and runs through, and from a dataset to its requirements. */
@ApplicationScoped
public class TraceService {

    /** A requirement that concerns a dataset, and how. */
    public record DatasetRequirement(Requirement requirement, String relation,
            Optional<io.tributary.requirements.slo.SloStatus> status) {
    }

    private final RequirementRepository requirements;
    private final GoalRepository goals;
    private final StakeholderRepository stakeholders;
    private final ClauseRepository clauses;
    private final TopologyRepository topology;
    private final SloRepository slos;
    private final AlertRepository alerts;

    public TraceService(RequirementRepository requirements, GoalRepository goals, StakeholderRepository stakeholders,
            ClauseRepository clauses, TopologyRepository topology, SloRepository slos, AlertRepository alerts) {
        this.requirements = requirements;
        this.goals = goals;
        this.stakeholders = stakeholders;
        this.clauses = clauses;
        this.topology = topology;
        this.slos = slos;
        this.alerts = alerts;
    }

    public Trace trace(long id) {
        List<Requirement> all = requirements.list();
        Map<Long, Requirement> byId = new LinkedHashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        Requirement requirement = Optional.ofNullable(byId.get(id)).orElseThrow(() -> RequirementService.unknown(id));
        RequirementContent content = requirement.effective().content();
        List<Requirement> ancestors = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(id));
        Long parent = content.derivedFrom();
        while (parent != null && seen.add(parent) && byId.containsKey(parent)) {
            ancestors.add(byId.get(parent));
            parent = byId.get(parent).effective().content().derivedFrom();
        }
        List<Requirement> derived = all.stream()
                .filter(r -> Long.valueOf(id).equals(r.effective().content().derivedFrom())).toList();
        Long goalId = content.goalId();
        for (int i = 0; goalId == null && i < ancestors.size(); i++) {
            goalId = ancestors.get(i).effective().content().goalId();
        }
        Long goal = goalId;
        return new Trace(requirement, goal == null ? Optional.empty() : goals.find(goal),
                ancestors, derived, List.copyOf(stakeholders.findAll(content.stakeholderIds()).values()),
                clauses.ofRequirement(id),
                content.target() == null ? List.of() : topology.load().lineage(content.target()),
                slos.status(id), alerts.lastViolation(id));
    }

    /**
     * The requirements on a dataset: those whose target is the dataset, one of its sources, one of its pipelines or a
     * serving query of one, and those a clause of its contract carries.
     */
    public List<DatasetRequirement> ofDataset(String dataset) {
        DatasetName.of("path parameter 'name'", dataset);
        Topology graph = topology.load();
        Set<Long> carried = new HashSet<>();
        for (Clause clause : clauses.ofDataset(dataset)) {
            carried.add(clause.requirementId());
        }
        var statuses = slos.statuses();
        List<DatasetRequirement> found = new ArrayList<>();
        for (Requirement requirement : requirements.list()) {
            RequirementContent content = requirement.effective().content();
            String relation = null;
            if (content.target() != null && graph.datasetOf(content.target()).filter(dataset::equals).isPresent()) {
                relation = content.target().type() == TargetType.DATASET
                        ? "target"
                        : "target is " + content.target().words() + " of the dataset";
            } else if (carried.contains(requirement.id())) {
                relation = "carried by the dataset's contract";
            }
            if (relation != null) {
                found.add(new DatasetRequirement(requirement, relation,
                        Optional.ofNullable(statuses.get(requirement.id()))));
            }
        }
        return found;
    }
}
