package io.tributary.requirements.requirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.confirmation.Action;
import io.tributary.requirements.confirmation.Decision;
import io.tributary.requirements.confirmation.Lifecycle;
import io.tributary.requirements.confirmation.ReadBack;
import io.tributary.requirements.confirmation.State;
import io.tributary.requirements.confirmation.Transition;
import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.objective.ObjectiveKind;
import io.tributary.requirements.repository.GoalRepository;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.StakeholderRepository;
import io.tributary.requirements.stakeholder.Checklist;
import io.tributary.requirements.stakeholder.Question;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * Requirements and their confirmation: drafting, reading back, confirming or asking for changes, new versions of
 * confirmed ones, and reopening when something they depend on changed. Every step is kept with who, when and why.
 */
@ApplicationScoped
@Transactional
public class RequirementService {

    private final RequirementRepository requirements;
    private final GoalRepository goals;
    private final StakeholderRepository stakeholders;
    private final Event<RequirementConfirmed> confirmed;

    public RequirementService(RequirementRepository requirements, GoalRepository goals,
            StakeholderRepository stakeholders, Event<RequirementConfirmed> confirmed) {
        this.requirements = requirements;
        this.goals = goals;
        this.stakeholders = stakeholders;
        this.confirmed = confirmed;
    }

    public Requirement create(JsonNode body, String actor) {
        RequirementContent content = read(body, null);
        long id = requirements.newId();
        requirements.insertVersion(id, 1, content, State.DRAFT, null, Origin.MANUAL);
        record(id, 1, Action.CREATE, null, State.DRAFT, actor, null);
        return get(id);
    }

    /**
     * Creates a requirement that is proposed at once, its read-back rendered: one imported from a contract clause.
     */
    public Requirement createProposed(RequirementContent content, Origin origin, String actor, String comment) {
        long id = requirements.newId();
        String readBack = readBack(content);
        requirements.insertVersion(id, 1, content, State.PROPOSED, readBack, origin);
        record(id, 1, Action.CREATE, null, State.DRAFT, actor, comment);
        record(id, 1, Action.PROPOSE, State.DRAFT, State.PROPOSED, actor, comment);
        return get(id);
    }

    /**
     * Edits the requirement. A draft, or a version whose changes were requested, is changed in place and is a draft
     * again; a version in force stays as it is and the edit becomes the next version, a draft to be confirmed.
     */
    public Requirement update(long id, JsonNode body, String actor) {
        Requirement requirement = get(id);
        RequirementVersion current = requirement.current();
        RequirementContent content = read(body, id);
        if (Lifecycle.editMakesNewVersion(current.state())) {
            int next = current.version() + 1;
            requirements.insertVersion(id, next, content, State.DRAFT, null, current.origin());
            record(id, next, Action.CREATE, null, State.DRAFT, actor, "edit of confirmed version "
                    + current.version());
        } else {
            State to = allowed(requirement, Action.EDIT);
            requirements.updateContent(id, current.version(), content, to);
            record(id, current.version(), Action.EDIT, current.state(), to, actor, null);
        }
        return get(id);
    }

    /** Reads the requirement back to its stakeholders, with an optional comment in the body. */
    public Requirement propose(long id, JsonNode body, String actor) {
        InputProblems problems = new InputProblems();
        String comment = Decision.proposalComment(body, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the proposal is not valid", problems.list());
        }
        return propose(id, actor, comment);
    }

    /** A stakeholder's decision on the read-back, as sent in a confirmation's body. */
    public Requirement confirm(long id, JsonNode body, String actor) {
        InputProblems problems = new InputProblems();
        Decision decision = Decision.read(body, problems);
        if (decision == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the confirmation is not valid", problems.list());
        }
        get(id);
        return decide(id, decision.action(), actor, decision.comment());
    }

    /** Reads the requirement back to its stakeholders: the read-back is rendered and kept with the version. */
    public Requirement propose(long id, String actor, String comment) {
        Requirement requirement = get(id);
        RequirementVersion current = requirement.current();
        State to = allowed(requirement, Action.PROPOSE);
        requirements.updateState(id, current.version(), to, readBack(current.content()));
        record(id, current.version(), Action.PROPOSE, current.state(), to, actor, comment);
        return get(id);
    }

    /**
     * A stakeholder's answer to the read-back: confirmed (an earlier version in force is superseded) or changes
     * requested, which needs a comment saying which.
     */
    public Requirement decide(long id, Action decision, String actor, String comment) {
        if (decision != Action.CONFIRM && decision != Action.REQUEST_CHANGES) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the confirmation is not valid",
                    List.of("$.decision: must be CONFIRM or "
                            + "REQUEST_CHANGES, found " + decision));
        }
        if (decision == Action.REQUEST_CHANGES && (comment == null || comment.isBlank())) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the confirmation is not valid",
                    List.of("$.comment: say which changes are needed"));
        }
        Requirement requirement = get(id);
        RequirementVersion current = requirement.current();
        State to = allowed(requirement, decision);
        requirements.updateState(id, current.version(), to, null);
        record(id, current.version(), decision, current.state(), to, actor, comment);
        if (to == State.CONFIRMED) {
            for (RequirementVersion older : requirements.versions(id)) {
                if (older.version() != current.version() && older.state().inForce()) {
                    requirements.updateState(id, older.version(), State.SUPERSEDED, null);
                    record(id, older.version(), Action.SUPERSEDE, older.state(), State.SUPERSEDED, actor,
                            "version " + current.version() + " confirmed");
                }
            }
            confirmed.fire(new RequirementConfirmed(get(id).current()));
        }
        return get(id);
    }

    /**
     * Something the requirement depends on changed: its confirmed version needs confirming again. Returns false when it
     * had none confirmed (a draft, or one already reopened).
     */
    public boolean reopen(long id, String actor, String reason) {
        for (RequirementVersion version : requirements.versions(id)) {
            if (version.state() == State.CONFIRMED) {
                requirements.updateState(id, version.version(), State.NEEDS_RECONFIRMATION, null);
                record(id, version.version(), Action.REOPEN, State.CONFIRMED, State.NEEDS_RECONFIRMATION, actor,
                        reason);
                return true;
            }
        }
        return false;
    }

    public Requirement get(long id) {
        return requirements.find(id).orElseThrow(() -> unknown(id));
    }

    public List<Requirement> list(RequirementFilter filter) {
        return requirements.list().stream().filter(filter::accepts).toList();
    }

    public List<RequirementVersion> versions(long id) {
        List<RequirementVersion> versions = requirements.versions(id);
        if (versions.isEmpty()) {
            throw unknown(id);
        }
        return versions;
    }

    public List<Transition> history(long id) {
        get(id);
        return requirements.history(id);
    }

    /** The checklist questions still open for the requirement's stakeholders that it rests on. */
    public List<String> openQuestions(RequirementContent content) {
        ObjectiveKind kind = content.objective() == null ? null : content.objective().kind();
        Set<Question> depended = Checklist.dependedOn(kind);
        Set<String> open = new LinkedHashSet<>();
        for (Stakeholder stakeholder : stakeholders.findAll(content.stakeholderIds()).values()) {
            for (Question question : stakeholder.openQuestions()) {
                if (depended.contains(question)) {
                    open.add(stakeholder.content().name() + ": " + question.name());
                }
            }
        }
        return List.copyOf(open);
    }

    /** The read-back of a requirement's content, naming its stakeholders as they are now. */
    public String readBack(RequirementContent content) {
        Map<Long, Stakeholder> found = stakeholders.findAll(content.stakeholderIds());
        List<String> voices = new ArrayList<>();
        for (Long stakeholderId : content.stakeholderIds()) {
            Stakeholder stakeholder = found.get(stakeholderId);
            if (stakeholder != null && !voices.contains(stakeholder.content().voice())) {
                voices.add(stakeholder.content().voice());
            }
        }
        return ReadBack.render(content, voices);
    }

    public static ProblemException unknown(long id) {
        return new ProblemException(Response.Status.NOT_FOUND, "no requirement " + id);
    }

    private State allowed(Requirement requirement, Action action) {
        State from = requirement.current().state();
        return Lifecycle.next(from, action)
                .orElseThrow(() -> new ProblemException(Response.Status.CONFLICT, "requirement " + requirement.id()
                        + " version " + requirement.current().version() + " is " + from + ": " + action
                        + " is not allowed now", List.of("allowed: " + allowedNames(from))));
    }

    private static List<String> allowedNames(State from) {
        Set<Action> userActions = EnumSet.of(Action.PROPOSE, Action.CONFIRM, Action.REQUEST_CHANGES, Action.EDIT);
        List<String> names = Lifecycle.allowed(from).stream().filter(userActions::contains).map(Action::name)
                .toList();
        return Lifecycle.editMakesNewVersion(from) ? concat(names, "EDIT (makes a new version)") : names;
    }

    private static List<String> concat(List<String> list, String item) {
        List<String> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private RequirementContent read(JsonNode body, Long self) {
        InputProblems problems = new InputProblems();
        RequirementContent content = RequirementReader.read(body, problems);
        if (content != null) {
            if (content.goalId() != null && goals.find(content.goalId()).isEmpty()) {
                problems.add("$.goalId", "no goal " + content.goalId());
            }
            Map<Long, Stakeholder> found = stakeholders.findAll(content.stakeholderIds());
            for (int i = 0; i < content.stakeholderIds().size(); i++) {
                if (!found.containsKey(content.stakeholderIds().get(i))) {
                    problems.add("$.stakeholderIds[" + i + "]", "no stakeholder " + content.stakeholderIds().get(i));
                }
            }
            if (content.derivedFrom() != null) {
                if (content.derivedFrom().equals(self)) {
                    problems.add("$.derivedFrom", "a requirement cannot derive from itself");
                } else if (!requirements.exists(content.derivedFrom())) {
                    problems.add("$.derivedFrom", "no requirement " + content.derivedFrom());
                }
            }
        }
        if (content == null || !problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the requirement is not valid", problems.list());
        }
        return content;
    }

    private void record(long id, int version, Action action, State from, State to, String actor, String comment) {
        requirements.transition(new Transition(id, version, action, from, to, actor, comment, Instant.now()));
    }
}
