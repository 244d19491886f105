package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/**
 * A stakeholder, with the checklist of questions for their direction: answered ones with the answer kept, open ones
 * without.
 */
public record StakeholderResponse(long id, String name, String job, String team, String direction, Contact contact,
        List<AssetResponse> assets, List<ChecklistItem> checklist, List<String> openQuestions, Instant createdAt,
        Instant updatedAt) {

    public record Contact(String email, String webhook) {
    }

    public record AssetResponse(String type, String name, String relation) {
    }

    public record ChecklistItem(String question, String text, boolean open, String answer, String answeredBy,
            Instant answeredAt) {
    }
}
