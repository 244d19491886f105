package io.tributary.requirements.stakeholder;

import java.time.Instant;
import java.util.List;

/** A stored stakeholder with the answers given so far. */
public record Stakeholder(long id, StakeholderContent content, List<Answer> answers, Instant createdAt,
        Instant updatedAt) {

    /** The checklist's questions for this stakeholder's direction that have no answer yet. */
    public List<Question> openQuestions() {
        return Checklist.open(content.direction(), answers);
    }
}
