package io.tributary.requirements.confirmation;

import java.time.Instant;

/** One step in a requirement's history: who did what to which version, when and why. */
public record Transition(long requirementId, int version, Action action, State from, State to, String actor,
        String comment, Instant at) {
}
