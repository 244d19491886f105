package io.tributary.requirements.alert;

import java.util.List;

import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * What an alert is about: a requirement's version, its target, and the stakeholders to tell.
 *
 * @param objective the objective's kind as requests name it ({@code freshness}...); null for a change notice
 */
public record AlertSubject(long requirementId, int version, String statement, Target target, String objective,
        String unit, Double threshold, List<Stakeholder> stakeholders) {
}
