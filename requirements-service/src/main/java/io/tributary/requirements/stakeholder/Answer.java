package io.tributary.requirements.stakeholder;

import java.time.Instant;

/** A kept answer to a checklist question. */
public record Answer(Question question, String answer, String answeredBy, Instant answeredAt) {
}
