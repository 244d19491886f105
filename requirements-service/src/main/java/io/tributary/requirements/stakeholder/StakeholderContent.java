package io.tributary.requirements.stakeholder;

import java.util.List;

/**
 * What is recorded of a stakeholder.
 *
 * @param job what they do: marketing, data scientist, analyst, software engineer, executive...
 * @param webhook where alerts about their requirements are POSTed; null for none
 */
public record StakeholderContent(String name, String job, String team, Direction direction, String email,
        String webhook, List<Asset> assets) {

    public StakeholderContent {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    /** How the stakeholder is named in a read-back: the team, else the person. */
    public String voice() {
        return team == null || team.isBlank() ? name : team;
    }
}
