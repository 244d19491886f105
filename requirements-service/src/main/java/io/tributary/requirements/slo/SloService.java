package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.config.RequirementsConfig;
import io.tributary.requirements.repository.RequirementRepository;
import io.tributary.requirements.repository.SloRepository;
import io.tributary.requirements.requirement.Requirement;

/** Every objective's live status, and the history of its evaluations. */
@ApplicationScoped
public class SloService {

    private final RequirementRepository requirements;
    private final SloRepository slos;
    private final RequirementsConfig config;

    public SloService(RequirementRepository requirements, SloRepository slos, RequirementsConfig config) {
        this.requirements = requirements;
        this.slos = slos;
        this.config = config;
    }

    public List<SloView> list() {
        Map<Long, SloStatus> statuses = slos.statuses();
        return requirements.list().stream().map(requirement -> view(requirement, statuses.get(requirement.id())))
                .filter(view -> view != null).toList();
    }

    public SloView get(long id) {
        Requirement requirement = requirements.find(id).orElseThrow(() -> unknown(id));
        SloView view = view(requirement, slos.status(id).orElse(null));
        if (view == null) {
            throw unknown(id);
        }
        return view;
    }

    public History history(long id, String from, String to, String step) {
        SloView view = get(id);
        HistoryQuery query = HistoryQuery.of(from, to, step, Instant.now(), config.slo().interval());
        return new History(id, query.from(), query.to(), query.step(), Units.of(view.objective().objective()),
                slos.history(id, query.from(), query.to(), query.step()));
    }

    private static SloView view(Requirement requirement, SloStatus status) {
        TrackedObjective objective = TrackedObjective.of(requirement);
        return objective == null
                ? null
                : new SloView(objective, status, requirement.effective().state().name());
    }

    private static ProblemException unknown(long id) {
        return new ProblemException(Response.Status.NOT_FOUND,
                "no objective of requirement " + id + " is evaluated: it has no requirement with a "
                        + "measured objective of that id");
    }
}
