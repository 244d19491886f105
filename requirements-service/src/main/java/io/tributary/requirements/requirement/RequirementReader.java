package io.tributary.requirements.requirement;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.input.JsonInput;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.ObjectiveCodec;
import io.tributary.requirements.objective.Slo;

/**
 * Reads a requirement from a request body, checking each field and how they fit together; every problem is recorded
 * with its JSON path. Whether the goal, stakeholders and parent it names exist is the service's to check.
 */
public final class RequirementReader {

    static final Set<String> FIELDS = Set.of("level", "kind", "goalId", "derivedFrom", "stakeholderIds",
            "statement", "actions", "target", "elements", "driver", "objective", "slo");

    private RequirementReader() {
    }

    /** The content, or null when {@code problems} received something. */
    public static RequirementContent read(JsonNode body, InputProblems problems) {
        JsonInput in = JsonInput.object(body, "$", problems);
        if (in == null) {
            return null;
        }
        in.onlyKeys(FIELDS);
        Level level = in.enumValue("level", Level.class, true);
        RequirementKind kind = in.enumValue("kind", RequirementKind.class, true);
        Long goalId = in.id("goalId", false);
        Long derivedFrom = in.id("derivedFrom", false);
        List<Long> stakeholders = in.ids("stakeholderIds");
        String statement = in.text("statement", true, 4_000);
        List<String> actions = in.texts("actions", 20, 500);
        List<String> elements = in.texts("elements", 50, 200);
        Driver driver = in.enumValue("driver", Driver.class, false);
        Target target = target(in);
        Objective objective = in.has("objective")
                ? ObjectiveCodec.read(in.raw("objective"), "$.objective", problems)
                : null;
        boolean definition = objective != null && !objective.kind().measured();
        Slo slo = null;
        if (in.has("slo") && !in.has("objective")) {
            in.problem("slo", "an SLO needs an objective to measure");
        } else if (in.has("slo") && definition) {
            in.problem("slo", "only a measured objective has an SLO; a definition is agreed, not measured");
        } else if (in.has("objective") && !definition) {
            slo = ObjectiveCodec.readSlo(in.raw("slo"), "$.slo", problems);
        }
        if (objective != null && kind != null) {
            if (objective.kind().measured() && kind != RequirementKind.NON_FUNCTIONAL) {
                in.problem("kind", "a " + objective.kind().jsonName() + " objective says how well the system "
                        + "works: the requirement is NON_FUNCTIONAL, found " + kind);
            } else if (!objective.kind().measured() && kind != RequirementKind.FUNCTIONAL) {
                in.problem("kind", "a definition says what the system does: the requirement is FUNCTIONAL, found "
                        + kind);
            }
        }
        if (objective != null && objective.kind().measured()) {
            if (target == null && !in.has("target")) {
                in.problem("target", "is required to measure a " + objective.kind().jsonName() + " objective");
            } else if (target != null && !objective.targets().contains(target.type())) {
                in.problem("target.type", "a " + objective.kind().jsonName() + " objective is measured on "
                        + objective.targets() + ", not on a " + target.type());
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new RequirementContent(level, kind, goalId, derivedFrom, stakeholders, statement, actions, target,
                elements, driver, objective, slo);
    }

    private static Target target(JsonInput in) {
        JsonInput target = in.child("target", false);
        if (target == null) {
            return null;
        }
        target.onlyKeys(Set.of("type", "name"));
        TargetType type = target.enumValue("type", TargetType.class, true);
        String name = target.text("name", true, 512);
        if (type == null || name == null) {
            return null;
        }
        if (!type.accepts(name)) {
            target.problem("name", type.refusal(name));
            return null;
        }
        return new Target(type, name);
    }
}
