package io.tributary.requirements.change;

import java.time.Instant;
import java.util.Set;

import io.tributary.requirements.requirement.Target;

/**
 * Something a confirmed requirement may depend on changed.
 *
 * @param at where the change happened: a dataset (its contract), a pipeline (a new version) or a source (its format,
 *        or its data drifted)
 * @param fields the fields removed or retyped; empty when the change is not about fields (then every requirement
 *        downstream is touched)
 * @param happenedAt requirements confirmed after this already knew of it
 */
public record Change(Target at, Set<String> fields, Instant happenedAt, String description) {
}
