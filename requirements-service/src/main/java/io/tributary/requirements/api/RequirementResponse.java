package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A requirement's newest version.
 *
 * @param inForceVersion the confirmed version in force (the newest, or an older one while the newest awaits
 *        confirmation); null when none is
 * @param openQuestions checklist questions still open for its stakeholders that it rests on, as
 *        {@code <stakeholder>: <question>}
 * @param allowedActions what may be done with it now
 */
public record RequirementResponse(long id, int version, String state, String level, String kind, Long goalId,
        Long derivedFrom, List<Long> stakeholderIds, String statement, List<String> actions, TargetResponse target,
        List<String> elements, String driver, JsonNode objective, JsonNode slo, String readBack, String origin,
        Integer inForceVersion, List<String> openQuestions, List<String> allowedActions, Instant createdAt,
        Instant updatedAt) {

    public record TargetResponse(String type, String name) {
    }
}
