package io.tributary.requirements.api;

import java.time.Instant;

/** One step of a requirement's history. */
public record TransitionResponse(int version, String action, String from, String to, String by, String comment,
        Instant at) {
}
