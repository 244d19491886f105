package io.tributary.requirements.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.requirements.contract.Clause;
import io.tributary.requirements.goal.Goal;
import io.tributary.requirements.goal.GoalService;
import io.tributary.requirements.repository.ClauseRepository;
import io.tributary.requirements.repository.GoalRepository;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.SloRepository;
import io.tributary.requirements.repository.StakeholderRepository;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementService;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.slo.SloStatus;
import io.tributary.requirements.slo.Units;
import io.tributary.requirements.stakeholder.Question;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * The requirements document of a goal: what the data engineer sends round for confirmation. Its stakeholders with
 * their open questions, then each requirement with its read-back, confirmation state, the contract clauses that carry
 * it and its live status.
 */
@ApplicationScoped
public class DocumentService {

    /** A rendered document. */
    public record Document(String title, List<Block> blocks) {
    }

    private final GoalRepository goals;
    private final RequirementRepository requirements;
    private final StakeholderRepository stakeholders;
    private final ClauseRepository clauses;
    private final SloRepository slos;
    private final RequirementService requirementService;

    public DocumentService(GoalRepository goals, RequirementRepository requirements,
            StakeholderRepository stakeholders, ClauseRepository clauses, SloRepository slos,
            RequirementService requirementService) {
        this.goals = goals;
        this.requirements = requirements;
        this.stakeholders = stakeholders;
        this.clauses = clauses;
        this.slos = slos;
        this.requirementService = requirementService;
    }

    public Document document(long goalId) {
        Goal goal = goals.find(goalId).orElseThrow(() -> GoalService.unknown(goalId));
        List<Requirement> ofGoal = requirements.list().stream()
                .filter(r -> Long.valueOf(goalId).equals(r.current().content().goalId())).toList();
        Map<Long, SloStatus> statuses = slos.statuses();
        List<Long> people = ofGoal.stream().flatMap(r -> r.current().content().stakeholderIds().stream()).distinct()
                .toList();
        Map<Long, Stakeholder> found = stakeholders.findAll(people);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, "Requirements: " + goal.content().title()));
        if (!goal.content().description().isBlank()) {
            blocks.add(new Block.Paragraph(goal.content().description()));
        }
        blocks.add(new Block.Bullets(List.of("Success is measured by: " + orDash(goal.content().successMeasure()),
                "Owner: " + orDash(goal.content().owner()))));
        blocks.add(new Block.Heading(2, "Stakeholders"));
        blocks.add(new Block.Table(List.of("Name", "Job", "Team", "Direction", "Open questions"),
                people.stream().map(found::get).filter(s -> s != null).map(s -> List.of(s.content().name(),
                        s.content().job(), s.content().team(), s.content().direction().name().toLowerCase(Locale.ROOT),
                        s.openQuestions().isEmpty()
                                ? "none"
                                : s.openQuestions().stream().map(Question::text)
                                        .collect(Collectors.joining(" "))))
                        .toList()));
        blocks.add(new Block.Heading(2, "Requirements"));
        for (Requirement requirement : ofGoal) {
            requirement(blocks, requirement, statuses.get(requirement.id()));
        }
        return new Document("Requirements: " + goal.content().title(), blocks);
    }

    private void requirement(List<Block> blocks, Requirement requirement, SloStatus status) {
        RequirementVersion current = requirement.current();
        RequirementContent content = current.content();
        blocks.add(new Block.Heading(3, "R" + requirement.id() + " (version " + current.version() + "): "
                + current.state() + ", " + content.level().name().toLowerCase(Locale.ROOT) + " "
                + content.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        blocks.add(new Block.Quote(current.readBack() != null
                ? current.readBack()
                : requirementService.readBack(content) + " (draft, not yet read back)"));
        List<String> facts = new ArrayList<>();
        if (content.derivedFrom() != null) {
            facts.add("Derived from R" + content.derivedFrom());
        }
        requirement.inForce().filter(v -> v.version() != current.version())
                .ifPresent(v -> facts.add("In force meanwhile: version " + v.version() + " (" + v.state() + ")"));
        List<Clause> carried = clauses.ofRequirement(requirement.id());
        facts.add("Contract clauses: " + (carried.isEmpty()
                ? "none yet"
                : carried.stream().map(c -> c.dataset() + " v" + c.contractVersion() + " " + c.property() + " ("
                        + c.clauseId() + ")").distinct().collect(Collectors.joining(", "))));
        facts.add("Live status: " + live(requirement, status));
        blocks.add(new Block.Bullets(facts));
    }

    private static String live(Requirement requirement, SloStatus status) {
        RequirementContent content = requirement.effective().content();
        if (!content.measured()) {
            return "not measured (a definition)";
        }
        if (status == null) {
            return "not evaluated yet";
        }
        String unit = Units.of(content.objective());
        String value = status.value() == null
                ? "no value"
                : String.format(Locale.ROOT, "%.3f %s", status.value(),
                        unit);
        return status.state() + " since " + status.since() + ", " + value
                + Optional.ofNullable(Units.threshold(content.objective()))
                        .map(t -> String.format(Locale.ROOT, " (threshold %.3f %s)", t, unit)).orElse("")
                + Optional.ofNullable(status.budgetLeft())
                        .map(b -> String.format(Locale.ROOT, ", budget left %.1f%%", b * 100)).orElse("")
                + Optional.ofNullable(status.lastViolationAt()).map(t -> ", last violated " + t).orElse("");
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
