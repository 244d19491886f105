package io.tributary.requirements.mapping;

import java.util.List;

import io.tributary.requirements.api.GoalResponse;
import io.tributary.requirements.api.RequirementResponse;
import io.tributary.requirements.api.RequirementVersionResponse;
import io.tributary.requirements.api.StakeholderResponse;
import io.tributary.requirements.api.TransitionResponse;
import io.tributary.requirements.confirmation.Action;
import io.tributary.requirements.confirmation.Lifecycle;
import io.tributary.requirements.confirmation.Transition;
import io.tributary.requirements.goal.Goal;
import io.tributary.requirements.objective.ObjectiveCodec;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.stakeholder.Answer;
import io.tributary.requirements.stakeholder.Question;
import io.tributary.requirements.stakeholder.Stakeholder;

/** Goals, stakeholders and requirements as the API shows them. */
public final class RequirementMapper {

    private RequirementMapper() {
    }

    public static GoalResponse toResponse(Goal goal) {
        return new GoalResponse(goal.id(), goal.content().title(), goal.content().description(),
                goal.content().successMeasure(), goal.content().owner(), goal.createdAt(), goal.updatedAt());
    }

    public static StakeholderResponse toResponse(Stakeholder stakeholder) {
        var content = stakeholder.content();
        List<StakeholderResponse.ChecklistItem> checklist = Question.forDirection(content.direction()).stream()
                .map(question -> {
                    Answer answer = stakeholder.answers().stream().filter(a -> a.question() == question).findFirst()
                            .orElse(null);
                    return new StakeholderResponse.ChecklistItem(question.name(), question.text(), answer == null,
                            answer == null ? null : answer.answer(), answer == null ? null : answer.answeredBy(),
                            answer == null ? null : answer.answeredAt());
                }).toList();
        return new StakeholderResponse(stakeholder.id(), content.name(), content.job(), content.team(),
                content.direction().name(), new StakeholderResponse.Contact(content.email(), content.webhook()),
                content.assets().stream().map(asset -> new StakeholderResponse.AssetResponse(asset.type().name(),
                        asset.name(), asset.relation().name())).toList(),
                checklist, stakeholder.openQuestions().stream().map(Question::name).toList(), stakeholder.createdAt(),
                stakeholder.updatedAt());
    }

    public static RequirementResponse toResponse(Requirement requirement, List<String> openQuestions) {
        RequirementVersion current = requirement.current();
        RequirementContent content = current.content();
        List<String> allowed = Lifecycle.allowed(current.state()).stream()
                .filter(action -> action != Action.REOPEN && action != Action.SUPERSEDE).map(Action::name).toList();
        if (Lifecycle.editMakesNewVersion(current.state())) {
            allowed = concat(allowed, Action.EDIT.name());
        }
        return new RequirementResponse(requirement.id(), current.version(), current.state().name(),
                content.level().name(), content.kind().name(), content.goalId(), content.derivedFrom(),
                content.stakeholderIds(), content.statement(), content.actions(),
                content.target() == null
                        ? null
                        : new RequirementResponse.TargetResponse(content.target().type().name(),
                                content.target().name()),
                content.elements(), content.driver() == null ? null : content.driver().name(),
                content.objective() == null ? null : ObjectiveCodec.write(content.objective()),
                content.slo() == null ? null : ObjectiveCodec.write(content.slo()), current.readBack(),
                current.origin().name(), requirement.inForce().map(RequirementVersion::version).orElse(null),
                openQuestions, allowed, current.createdAt(), current.updatedAt());
    }

    public static RequirementVersionResponse toResponse(RequirementVersion version) {
        RequirementContent content = version.content();
        return new RequirementVersionResponse(version.requirementId(), version.version(), version.state().name(),
                content.statement(), content.objective() == null ? null : ObjectiveCodec.write(content.objective()),
                content.slo() == null ? null : ObjectiveCodec.write(content.slo()), version.readBack(),
                version.createdAt(), version.updatedAt());
    }

    public static TransitionResponse toResponse(Transition transition) {
        return new TransitionResponse(transition.version(), transition.action().name(),
                transition.from() == null ? null : transition.from().name(), transition.to().name(),
                transition.actor(), transition.comment(), transition.at());
    }

    private static List<String> concat(List<String> list, String item) {
        if (list.contains(item)) {
            return list;
        }
        var all = new java.util.ArrayList<>(list);
        all.add(item);
        return List.copyOf(all);
    }
}
