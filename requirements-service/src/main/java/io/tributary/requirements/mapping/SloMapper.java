package io.tributary.requirements.mapping;

import java.util.List;

import io.tributary.requirements.alert.Alert;
import io.tributary.requirements.alert.Delivery;
import io.tributary.requirements.api.AlertResponse;
import io.tributary.requirements.api.RequirementResponse;
import io.tributary.requirements.api.SloHistoryResponse;
import io.tributary.requirements.api.SloResponse;
import io.tributary.requirements.objective.Durations;
import io.tributary.requirements.objective.ObjectiveCodec;
import io.tributary.requirements.slo.History;
import io.tributary.requirements.slo.SloStatus;
import io.tributary.requirements.slo.SloView;
import io.tributary.requirements.slo.Status;
import io.tributary.requirements.slo.TrackedObjective;
import io.tributary.requirements.slo.Units;

/** Objectives' statuses, histories and alerts as the API shows them. */
public final class SloMapper {

    private SloMapper() {
    }

    public static SloResponse toResponse(SloView view) {
        TrackedObjective objective = view.objective();
        SloStatus status = view.status();
        return new SloResponse(objective.requirementId(), objective.version(), view.confirmation(),
                objective.statement(), new RequirementResponse.TargetResponse(objective.target().type().name(),
                        objective.target().name()),
                ObjectiveCodec.write(objective.objective()), ObjectiveCodec.write(objective.slo()),
                status == null ? Status.NO_DATA.name() : status.state().name(),
                status == null ? null : status.value(), Units.of(objective.objective()),
                Units.threshold(objective.objective()), status == null ? null : status.evaluatedAt(),
                status == null ? null : status.since(), status == null ? null : status.goodShare(),
                status == null ? null : status.budgetLeft(), status == null ? null : status.lastViolationAt());
    }

    public static SloHistoryResponse toResponse(History history) {
        return new SloHistoryResponse(history.requirementId(), history.from(), history.to(),
                Durations.iso(history.step()), history.unit(), history.points().stream()
                        .map(point -> new SloHistoryResponse.Point(point.start(),
                                point.violated() > 0 ? "VIOLATED" : point.met() > 0 ? "MET" : "NO_DATA",
                                point.evaluations(), point.met(), point.violated(), point.noData(), point.min(),
                                point.max(), point.last()))
                        .toList());
    }

    public static AlertResponse toResponse(Alert alert, List<Delivery> deliveries) {
        return new AlertResponse(alert.id().toString(), alert.requirementId(), alert.kind().name(),
                alert.severity().name(), alert.open() ? "OPEN" : "RESOLVED", alert.summary(), alert.details(),
                alert.openedAt(), alert.resolvedAt(), deliveries.stream()
                        .map(d -> new AlertResponse.DeliveryResponse(d.event(), d.stakeholderId(), d.url(),
                                d.attempts(), d.deliveredAt(), d.failedAt(), d.lastError()))
                        .toList());
    }
}
