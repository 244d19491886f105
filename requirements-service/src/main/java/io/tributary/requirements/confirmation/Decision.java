package io.tributary.requirements.confirmation;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.input.JsonInput;

/**
 * A stakeholder's answer to a read-back: {@code {"decision": "CONFIRM" | "REQUEST_CHANGES", "comment": "..."}}; asking
 * for changes needs a comment saying which.
 */
public record Decision(Action action, String comment) {

    public enum Choice {
        CONFIRM,
        REQUEST_CHANGES
    }

    public static Decision read(JsonNode body, InputProblems problems) {
        JsonInput in = JsonInput.object(body, "$", problems);
        if (in == null) {
            return null;
        }
        in.onlyKeys(Set.of("decision", "comment"));
        Choice choice = in.enumValue("decision", Choice.class, true);
        String comment = in.text("comment", false, 4_000);
        if (choice == Choice.REQUEST_CHANGES && comment == null && !in.has("comment")) {
            in.problem("comment", "say which changes are needed");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Decision(choice == Choice.CONFIRM ? Action.CONFIRM : Action.REQUEST_CHANGES, comment);
    }

    /** A proposal's optional comment: {@code {"comment": "..."}} or no body. */
    public static String proposalComment(JsonNode body, InputProblems problems) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        JsonInput in = JsonInput.object(body, "$", problems);
        if (in == null) {
            return null;
        }
        in.onlyKeys(Set.of("comment"));
        return in.text("comment", false, 4_000);
    }

    static List<String> names() {
        return List.of(Choice.CONFIRM.name(), Choice.REQUEST_CHANGES.name());
    }
}
