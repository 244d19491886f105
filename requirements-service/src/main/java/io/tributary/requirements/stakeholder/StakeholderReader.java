package io.tributary.requirements.stakeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.input.JsonInput;
import io.tributary.requirements.requirement.TargetType;

/** Reads a stakeholder from a request body, recording every problem with its JSON path. */
public final class StakeholderReader {

    private StakeholderReader() {
    }

    public static StakeholderContent read(JsonNode body, WebhookPolicy webhooks, InputProblems problems) {
        JsonInput in = JsonInput.object(body, "$", problems);
        if (in == null) {
            return null;
        }
        in.onlyKeys(Set.of("name", "job", "team", "direction", "contact", "assets"));
        String name = in.text("name", true, 200);
        String job = in.text("job", true, 100);
        String team = in.text("team", false, 200);
        Direction direction = in.enumValue("direction", Direction.class, true);
        String email = null;
        String webhook = null;
        JsonInput contact = in.child("contact", false);
        if (contact != null) {
            contact.onlyKeys(Set.of("email", "webhook"));
            email = contact.text("email", false, 320);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                contact.problem("email", "'" + email + "' is not an e-mail address");
            }
            webhook = contact.text("webhook", false, 2_000);
            if (webhook != null) {
                String url = webhook;
                webhooks.refusal(url).ifPresent(reason -> contact.problem("webhook", reason));
            }
        }
        List<Asset> assets = assets(in);
        return problems.isEmpty()
                ? new StakeholderContent(name, job, team == null ? "" : team, direction, email, webhook, assets)
                : null;
    }

    private static List<Asset> assets(JsonInput in) {
        List<Asset> assets = new ArrayList<>();
        JsonNode list = in.raw("assets");
        if (list == null || list.isNull()) {
            return assets;
        }
        if (!list.isArray()) {
            in.problem("assets", "must be an array, found " + JsonInput.kind(list));
            return assets;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonInput item = JsonInput.object(list.get(i), in.path("assets") + "[" + i + "]", in.problems());
            if (item == null) {
                continue;
            }
            item.onlyKeys(Set.of("type", "name", "relation"));
            TargetType type = item.enumValue("type", TargetType.class, true);
            String name = item.text("name", true, 512);
            Asset.Relation relation = item.enumValue("relation", Asset.Relation.class, true);
            if (type != null && name != null && !type.accepts(name)) {
                item.problem("name", type.refusal(name));
            } else if (type != null && name != null && relation != null) {
                assets.add(new Asset(type, name, relation));
            }
        }
        return assets;
    }
}
