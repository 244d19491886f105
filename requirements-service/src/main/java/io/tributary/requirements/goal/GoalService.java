package io.tributary.requirements.goal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.repository.GoalRepository;

/** Business goals: what the data work is for. */
@ApplicationScoped
@Transactional
public class GoalService {

    private final GoalRepository goals;

    public GoalService(GoalRepository goals) {
        this.goals = goals;
    }

    public Goal create(JsonNode body) {
        return goals.insert(read(body));
    }

    public Goal update(long id, JsonNode body) {
        GoalContent content = read(body);
        return goals.update(id, content).orElseThrow(() -> unknown(id));
    }

    public Goal get(long id) {
        return goals.find(id).orElseThrow(() -> unknown(id));
    }

    public List<Goal> list() {
        return goals.list();
    }

    public static ProblemException unknown(long id) {
        return new ProblemException(Response.Status.NOT_FOUND, "no goal " + id);
    }

    private static GoalContent read(JsonNode body) {
        InputProblems problems = new InputProblems();
        GoalContent content = GoalReader.read(body, problems);
        if (content == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the goal is not valid", problems.list());
        }
        return content;
    }
}
