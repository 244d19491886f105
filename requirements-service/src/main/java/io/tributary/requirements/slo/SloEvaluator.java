package io.tributary.requirements.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tributary.catalog.event.AlertEvent;
import io.tributary.requirements.alert.Alert;
import io.tributary.requirements.alert.AlertDecision;
import io.tributary.requirements.alert.AlertKind;
import io.tributary.requirements.alert.AlertService;
import io.tributary.requirements.alert.AlertSubject;
import io.tributary.requirements.alert.BurnRateRule;
import io.tributary.requirements.alert.BurnRates;
import io.tributary.requirements.config.RequirementsConfig;
import io.tributary.requirements.confirmation.ReadBack;
import io.tributary.requirements.messaging.AlertPublisher;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.repository.AlertRepository;
import io.tributary.requirements.repository.MeasurementRepository;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.SloRepository;
import io.tributary.requirements.repository.StakeholderRepository;
import io.tributary.requirements.stakeholder.Stakeholder;

/**
 * Evaluates every objective from the catalog's measurements once per interval (10 s by default): each evaluation is
 * stored, counted in its objective's time slices, folded into its status and budget, and checked against the alert
 * rules; alerts open and resolve in the same transaction, and their events are published after it. The cycle is
 * claimed in the catalog, so that of several instances one evaluates at a time; an instance that did not evaluate the
 * last cycle reads the slices again before it does (decision 0021).
 */
@ApplicationScoped
public class SloEvaluator {

    private static final Logger LOG = Logger.getLogger(SloEvaluator.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    /** What one cycle did. */
    public record CycleReport(boolean claimed, int evaluated, int alertsOpened, int alertsResolved) {
    }

    private record Ledgered(Slo slo, SliceLedger ledger) {
    }

    private final RequirementRepository requirements;
    private final StakeholderRepository stakeholders;
    private final MeasurementRepository measurements;
    private final SloRepository slos;
    private final AlertRepository alertStore;
    private final AlertService alerts;
    private final AlertPublisher publisher;
    private final ServingProbe probe;
    private final Event<SloCycleCompleted> completed;
    private final RequirementsConfig config;
    private final String instance = UUID.randomUUID().toString();
    private final Map<Long, Ledgered> ledgers = new HashMap<>();
    private boolean stale = true;
    private Instant lastPrune = Instant.EPOCH;

    public SloEvaluator(RequirementRepository requirements, StakeholderRepository stakeholders,
            MeasurementRepository measurements, SloRepository slos, AlertRepository alertStore, AlertService alerts,
            AlertPublisher publisher, ServingProbe probe, Event<SloCycleCompleted> completed,
            RequirementsConfig config) {
        this.requirements = requirements;
        this.stakeholders = stakeholders;
        this.measurements = measurements;
        this.slos = slos;
        this.alertStore = alertStore;
        this.alerts = alerts;
        this.publisher = publisher;
        this.probe = probe;
        this.completed = completed;
        this.config = config;
    }

    @Scheduled(every = "${tributary.requirements.slo.interval:10s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.slo().enabled()) {
            return;
        }
        try {
            cycle(Instant.now());
        } catch (RuntimeException e) {
            stale = true;
            LOG.errorf(e, "the evaluation cycle failed; the next one starts afresh");
        }
    }

    /** Evaluates every objective as of {@code now}. Synchronised: the scheduler and a test may both call it. */
    public synchronized CycleReport cycle(Instant now) {
        Duration interval = config.slo().interval();
        boolean claimed = QuarkusTransaction.requiringNew()
                .call(() -> slos.claim(instance, now, interval.dividedBy(2)));
        if (!claimed) {
            stale = true;
            return new CycleReport(false, 0, 0, 0);
        }
        if (stale) {
            ledgers.clear();
        }
        List<TrackedObjective> tracked = QuarkusTransaction.requiringNew().call(() -> requirements.list()).stream()
                .map(TrackedObjective::of).filter(Objects::nonNull).toList();
        Map<String, Facts.Probe> probes = probe.probe(tracked.stream()
                .filter(o -> o.objective() instanceof Objective.Availability).map(o -> o.target().name()).toList());
        List<AlertEvent> events = new ArrayList<>();
        int[] counts = new int[2];
        List<SloCycleCompleted.Evaluated> results = QuarkusTransaction.requiringNew().call(() -> {
            List<SloCycleCompleted.Evaluated> evaluated = evaluate(tracked, probes, now, events, counts);
            if (!lastPrune.plus(PRUNE_EVERY).isAfter(now)) {
                prune(tracked, now);
            }
            return evaluated;
        });
        stale = false;
        publisher.publish(events);
        completed.fire(new SloCycleCompleted(results));
        return new CycleReport(true, results.size(), counts[0], counts[1]);
    }

    private List<SloCycleCompleted.Evaluated> evaluate(List<TrackedObjective> tracked, Map<String, Facts.Probe> probes,
            Instant now, List<AlertEvent> events, int[] counts) {
        Snapshot snapshot = new Snapshot(measurements);
        Map<Long, SloStatus> statuses = slos.statuses();
        Map<Long, Set<AlertKind>> open = new HashMap<>();
        for (Alert alert : alertStore.openAlerts()) {
            open.computeIfAbsent(alert.requirementId(), id -> EnumSet.noneOf(AlertKind.class)).add(alert.kind());
        }
        Set<Long> stakeholderIds = new LinkedHashSet<>();
        tracked.forEach(o -> stakeholderIds.addAll(o.stakeholderIds()));
        Map<Long, Stakeholder> people = stakeholders.findAll(stakeholderIds);
        List<SloRepository.StoredEvaluation> stored = new ArrayList<>();
        List<SloRepository.StoredSlice> slices = new ArrayList<>();
        List<SloStatus> newStatuses = new ArrayList<>();
        List<SloCycleCompleted.Evaluated> results = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (TrackedObjective objective : tracked) {
            seen.add(objective.requirementId());
            SliceLedger ledger = ledger(objective, now);
            SloStatus previous = statuses.get(objective.requirementId());
            Optional<Instant> dataSince = Optional.ofNullable(previous).map(SloStatus::dataSince);
            Facts facts = snapshot.facts(objective.target(), dataSince,
                    Optional.ofNullable(probes.get(objective.target().name())));
            Evaluation evaluation = Evaluators.evaluate(objective.objective(), objective.target(), facts, now);
            Optional<Instant> oldest = objective.objective() instanceof Objective.Retention
                    ? facts.oldestHeld()
                    : Optional.empty();
            SloStatus status = SloStep.next(objective.requirementId(), objective.version(), objective.slo(), ledger,
                    previous, evaluation, oldest, now);
            newStatuses.add(status);
            stored.add(new SloRepository.StoredEvaluation(objective.requirementId(), now, evaluation.state(),
                    evaluation.value()));
            if (evaluation.state() != Status.NO_DATA) {
                slices.add(new SloRepository.StoredSlice(objective.requirementId(), ledger.start(ledger.head()),
                        ledger.headGood(), ledger.headBad()));
            }
            Set<AlertKind> burning = objective.inForce()
                    ? BurnRates.firing(objective.slo(), ledger, now, BurnRateRule.DEFAULTS)
                    : Set.of();
            Set<AlertKind> openNow = open.getOrDefault(objective.requirementId(), Set.of());
            List<AlertDecision.Change> changes = objective.inForce()
                    ? AlertDecision.decide(evaluation.state(), burning, openNow)
                    : resolveAll(openNow);
            AlertSubject subject = subject(objective, people);
            for (AlertDecision.Change change : changes) {
                if (change.open()) {
                    alerts.open(subject, change.kind(), summary(objective, change.kind(), evaluation), evaluation.value(),
                            now).ifPresent(event -> {
                                events.add(event);
                                counts[0]++;
                            });
                } else {
                    alerts.resolve(subject, change.kind(), evaluation.value(), now).ifPresent(event -> {
                        events.add(event);
                        counts[1]++;
                    });
                }
            }
            results.add(new SloCycleCompleted.Evaluated(objective, status));
        }
        resolveUntracked(open, seen, people, now, events, counts);
        slos.insertEvaluations(stored);
        slos.upsertSlices(slices);
        slos.upsertStatuses(newStatuses);
        ledgers.keySet().retainAll(seen);
        return results;
    }

    /** Alerts of objectives no longer evaluated (the requirement's objective was removed) resolve. */
    private void resolveUntracked(Map<Long, Set<AlertKind>> open, Set<Long> seen, Map<Long, Stakeholder> people,
            Instant now, List<AlertEvent> events, int[] counts) {
        for (Map.Entry<Long, Set<AlertKind>> entry : open.entrySet()) {
            if (seen.contains(entry.getKey())) {
                continue;
            }
            AlertSubject subject = new AlertSubject(entry.getKey(), 0, null, null, null, null, null, List.of());
            for (AlertKind kind : entry.getValue()) {
                if (kind != AlertKind.NEEDS_RECONFIRMATION) {
                    alerts.resolve(subject, kind, null, now).ifPresent(event -> {
                        events.add(event);
                        counts[1]++;
                    });
                }
            }
        }
    }

    private static List<AlertDecision.Change> resolveAll(Set<AlertKind> open) {
        List<AlertDecision.Change> changes = new ArrayList<>();
        for (AlertKind kind : List.of(AlertKind.OBJECTIVE_VIOLATED, AlertKind.FAST_BURN, AlertKind.SLOW_BURN)) {
            if (open.contains(kind)) {
                changes.add(new AlertDecision.Change(kind, false));
            }
        }
        return changes;
    }

    private SliceLedger ledger(TrackedObjective objective, Instant now) {
        Ledgered existing = ledgers.get(objective.requirementId());
        if (existing != null && existing.slo().equals(objective.slo())) {
            return existing.ledger();
        }
        SliceLedger ledger = new SliceLedger(objective.slo().slice(), Budget.capacity(objective.slo()));
        Instant from = now.minus(objective.slo().slice().multipliedBy(ledger.capacity()));
        for (SloRepository.StoredSlice slice : slos.slices(objective.requirementId(), from)) {
            ledger.add(ledger.index(slice.start()), slice.good(), slice.bad());
        }
        ledgers.put(objective.requirementId(), new Ledgered(objective.slo(), ledger));
        return ledger;
    }

    private void prune(List<TrackedObjective> tracked, Instant now) {
        Instant longest = now.minus(Duration.ofDays(401));
        for (TrackedObjective objective : tracked) {
            Instant from = now.minus(objective.slo().window().longest()).minus(objective.slo().slice());
            if (from.isBefore(longest)) {
                longest = from;
            }
        }
        int removed = slos.prune(now.minus(config.slo().evaluationRetention()), longest);
        lastPrune = now;
        if (removed > 0) {
            LOG.infof("removed %d evaluations and slices past their retention", removed);
        }
    }

    private static AlertSubject subject(TrackedObjective objective, Map<Long, Stakeholder> people) {
        List<Stakeholder> told = objective.stakeholderIds().stream().map(people::get).filter(Objects::nonNull)
                .toList();
        return new AlertSubject(objective.requirementId(), objective.version(), objective.statement(),
                objective.target(), objective.objective().kind().jsonName(), Units.of(objective.objective()),
                Units.threshold(objective.objective()), told);
    }

    static String summary(TrackedObjective objective, AlertKind kind, Evaluation evaluation) {
        String what = objective.objective().kind().jsonName() + " of " + objective.target().words();
        String value = evaluation.value() == null
                ? "nothing measured"
                : String.format(java.util.Locale.ROOT, "%.3f %s", evaluation.value(), Units.of(objective.objective()));
        String wanted = ReadBack.objective(objective.objective());
        return switch (kind) {
            case OBJECTIVE_VIOLATED -> "Requirement " + objective.requirementId() + " is violated: " + what + " is "
                    + value + "; agreed: " + wanted;
            case FAST_BURN -> "Requirement " + objective.requirementId() + " burns its error budget fast ("
                    + ReadBack.slo(objective.slo()) + "): " + what + " is " + value;
            case SLOW_BURN -> "Requirement " + objective.requirementId() + " burns its error budget faster than its "
                    + "window allows (" + ReadBack.slo(objective.slo()) + "): " + what + " is " + value;
            case NEEDS_RECONFIRMATION -> "Requirement " + objective.requirementId() + " needs confirming again";
        };
    }
}
