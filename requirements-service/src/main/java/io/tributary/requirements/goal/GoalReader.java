package io.tributary.requirements.goal;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.input.JsonInput;

/** Reads a goal from a request body, recording every problem with its JSON path. */
public final class GoalReader {

    private GoalReader() {
    }

    public static GoalContent read(JsonNode body, InputProblems problems) {
        JsonInput in = JsonInput.object(body, "$", problems);
        if (in == null) {
            return null;
        }
        in.onlyKeys(Set.of("title", "description", "successMeasure", "owner"));
        String title = in.text("title", true, 200);
        String description = in.text("description", false, 4_000);
        String measure = in.text("successMeasure", false, 2_000);
        String owner = in.text("owner", false, 200);
        return problems.isEmpty()
                ? new GoalContent(title, orEmpty(description), orEmpty(measure), orEmpty(owner))
                : null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
