package io.tributary.requirements.mapping;

import io.tributary.requirements.api.DatasetRequirementResponse;
import io.tributary.requirements.api.RequirementResponse;
import io.tributary.requirements.api.TraceResponse;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.slo.Units;
import io.tributary.requirements.trace.Trace;
import io.tributary.requirements.trace.TraceService;

/** Traces as the API shows them. */
public final class TraceMapper {

    private TraceMapper() {
    }

    public static TraceResponse toResponse(Trace trace) {
        RequirementContent content = trace.requirement().effective().content();
        return new TraceResponse(summary(trace.requirement()),
                trace.goal().map(RequirementMapper::toResponse).orElse(null),
                trace.derivedFrom().stream().map(TraceMapper::summary).toList(),
                trace.derived().stream().map(TraceMapper::summary).toList(),
                trace.stakeholders().stream().map(s -> new TraceResponse.Person(s.id(), s.content().name(),
                        s.content().team(), s.content().direction().name())).toList(),
                trace.clauses().stream().map(c -> new TraceResponse.ClauseResponse(c.dataset(), c.contractVersion(),
                        c.clauseId(), c.property(), "/api/contracts/" + c.dataset() + "/versions/"
                                + c.contractVersion()))
                        .toList(),
                trace.lineage().stream().map(TraceMapper::target).toList(), target(content.target()),
                trace.status().map(s -> new TraceResponse.Live(s.state().name(), s.value(),
                        content.objective() == null ? null : Units.of(content.objective()),
                        content.objective() == null ? null : Units.threshold(content.objective()), s.evaluatedAt(),
                        s.budgetLeft(), s.lastViolationAt())).orElse(null),
                trace.lastViolation().map(a -> new TraceResponse.Violation(a.id().toString(), a.openedAt(),
                        a.resolvedAt(), a.summary())).orElse(null));
    }

    public static DatasetRequirementResponse toResponse(TraceService.DatasetRequirement found) {
        return new DatasetRequirementResponse(summary(found.requirement()), found.relation(),
                target(found.requirement().effective().content().target()),
                found.status().map(s -> s.state().name()).orElse(null));
    }

    static TraceResponse.Summary summary(Requirement requirement) {
        RequirementVersion version = requirement.effective();
        return new TraceResponse.Summary(requirement.id(), version.version(), version.state().name(),
                version.content().level().name(), version.content().kind().name(), version.content().statement(),
                version.readBack());
    }

    private static RequirementResponse.TargetResponse target(Target target) {
        return target == null ? null : new RequirementResponse.TargetResponse(target.type().name(), target.name());
    }
}
