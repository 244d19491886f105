package io.tributary.requirements.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.event.AlertEvent;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.repository.AlertRepository;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * Opens and resolves alerts about requirements within the caller's transaction: the alert is stored, a webhook call is
 * owed to each of the requirement's stakeholders who has a webhook, and the CloudEvent to publish on the alerts topic
 * is returned, for the caller to publish once the transaction committed.
 */
@ApplicationScoped
public class AlertService {

    static final String SERVICE = "requirements-service";

    private final AlertRepository alerts;

    public AlertService(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** Opens an alert of this kind unless one is open; the event to publish, or empty. */
    public Optional<AlertEvent> open(AlertSubject subject, AlertKind kind, String summary, Double value, Instant at) {
        Map<String, Object> details = details(subject, value);
        return alerts.open(UUID.randomUUID(), subject.requirementId(), kind, summary, details, at)
                .map(alert -> announce(alert, subject, true, at));
    }

    /** Resolves the open alert of this kind, if any; the event to publish, or empty. */
    public Optional<AlertEvent> resolve(AlertSubject subject, AlertKind kind, Double value, Instant at) {
        return alerts.resolve(subject.requirementId(), kind, at).map(alert -> announce(alert, subject, false, at));
    }

    public List<Alert> list(Boolean open, Long requirementId, int limit) {
        return alerts.list(open, requirementId, limit);
    }

    public Alert get(UUID id) {
        return alerts.find(id).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no alert " + id));
    }

    public List<Delivery> deliveries(UUID id) {
        return alerts.deliveries(id);
    }

    private AlertEvent announce(Alert alert, AlertSubject subject, boolean opened, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.id().toString());
        data.put("requirementId", alert.requirementId());
        data.put("kind", alert.kind().name());
        data.put("severity", alert.severity().name());
        data.put("state", opened ? "OPEN" : "RESOLVED");
        data.put("summary", alert.summary());
        data.put("openedAt", alert.openedAt().toString());
        data.put("resolvedAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
        data.putAll(alert.details());
        AlertEvent event = AlertEvent.requirement(SERVICE, opened, alert.requirementId(), at, data);
        String payload = new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8);
        for (Stakeholder stakeholder : subject.stakeholders()) {
            if (stakeholder.content().webhook() != null) {
                alerts.enqueue(alert.id(), opened ? "OPENED" : "RESOLVED", stakeholder.id(),
                        stakeholder.content().webhook(), payload);
            }
        }
        return event;
    }

    private static Map<String, Object> details(AlertSubject subject, Double value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", subject.version());
        details.put("requirement", "/api/requirements/" + subject.requirementId());
        details.put("statement", subject.statement());
        if (subject.target() != null) {
            details.put("target", Map.of("type", subject.target().type().name(), "name", subject.target().name()));
        }
        if (subject.objective() != null) {
            details.put("objective", subject.objective());
            details.put("value", value);
            details.put("threshold", subject.threshold());
            details.put("unit", subject.unit());
        }
        List<String> names = new ArrayList<>();
        subject.stakeholders().forEach(stakeholder -> names.add(stakeholder.content().name()));
        details.put("stakeholders", names);
        return details;
    }
}
