package io.tributary.requirements.contract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * Writes a confirmed requirement into a contract document: its clause replaces the one an earlier version of it wrote,
 * other SLA properties stay; its stakeholders join the team (the v3.1 object, or the older array when the contract
 * uses it); a semantic version gets its patch number raised.
 */
public final class ContractDocuments {

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(.*)");

    private ContractDocuments() {
    }

    public static ObjectNode withClause(JsonNode document, ObjectNode clause, List<Stakeholder> stakeholders) {
        ObjectNode copy = document.deepCopy();
        ArrayNode slas = copy.has("slaProperties") && copy.get("slaProperties").isArray()
                ? (ArrayNode) copy.get("slaProperties")
                : copy.putArray("slaProperties");
        String id = clause.path("id").asText();
        for (int i = slas.size() - 1; i >= 0; i--) {
            if (id.equals(slas.get(i).path("id").asText())) {
                slas.remove(i);
            }
        }
        slas.add(clause);
        addTeam(copy, stakeholders);
        copy.put("version", nextVersion(copy.path("version").asText("")));
        return copy;
    }

    static String nextVersion(String version) {
        Matcher semver = SEMVER.matcher(version);
        if (!semver.matches()) {
            return version;
        }
        return semver.group(1) + "." + semver.group(2) + "." + (Long.parseLong(semver.group(3)) + 1)
                + semver.group(4);
    }

    private static void addTeam(ObjectNode document, List<Stakeholder> stakeholders) {
        ArrayNode members;
        JsonNode team = document.get("team");
        if (team != null && team.isArray()) {
            members = (ArrayNode) team;
        } else {
            ObjectNode object = team != null && team.isObject() ? (ObjectNode) team : document.putObject("team");
            if (!object.has("name")) {
                object.put("name", "Stakeholders");
            }
            members = object.has("members") && object.get("members").isArray()
                    ? (ArrayNode) object.get("members")
                    : object.putArray("members");
        }
        for (Stakeholder stakeholder : stakeholders) {
            String username = username(stakeholder);
            boolean present = false;
            for (JsonNode member : members) {
                present |= username.equals(member.path("username").asText());
            }
            if (!present) {
                members.addObject().put("username", username).put("name", stakeholder.content().name())
                        .put("role", stakeholder.content().job() + " ("
                                + stakeholder.content().direction().name().toLowerCase(Locale.ROOT) + " stakeholder)");
            }
        }
    }

    /** A stakeholder's username in a contract's team: their e-mail, else their name. */
    static String username(Stakeholder stakeholder) {
        return stakeholder.content().email() != null ? stakeholder.content().email() : stakeholder.content().name();
    }
}
