package io.tributary.requirements.stakeholder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.requirements.config.RequirementsConfig;
import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.input.JsonInput;
import io.tributary.requirements.repository.StakeholderRepository;

/** Stakeholders and the answers they give to the requirements-gathering checklist. */
@ApplicationScoped
@Transactional
public class StakeholderService {

    private final StakeholderRepository stakeholders;
    private final WebhookPolicy webhooks;

    public StakeholderService(StakeholderRepository stakeholders, RequirementsConfig config) {
        this.stakeholders = stakeholders;
        this.webhooks = new WebhookPolicy(config.webhooks().allowedHosts());
    }

    public Stakeholder create(JsonNode body) {
        return stakeholders.insert(read(body));
    }

    public Stakeholder update(long id, JsonNode body) {
        StakeholderContent content = read(body);
        return stakeholders.update(id, content).orElseThrow(() -> unknown(id));
    }

    public Stakeholder get(long id) {
        return stakeholders.find(id).orElseThrow(() -> unknown(id));
    }

    public List<Stakeholder> list() {
        return stakeholders.list();
    }

    /** Keeps an answer to one checklist question; the question must be one for the stakeholder's direction. */
    public Stakeholder answer(long id, String questionName, JsonNode body, String answeredBy) {
        Stakeholder stakeholder = get(id);
        Question question = Arrays.stream(Question.values())
                .filter(q -> q.name().equals(questionName.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                        "no checklist question '" + questionName + "'; the questions are "
                                + Arrays.toString(Question.values())));
        InputProblems problems = new InputProblems();
        JsonInput in = JsonInput.object(body, "$", problems);
        String answer = null;
        if (in != null) {
            in.onlyKeys(Set.of("answer"));
            answer = in.text("answer", true, 4_000);
        }
        if (question.direction() != stakeholder.content().direction()) {
            problems.add("path parameter 'question'", question + " is asked of " + question.direction()
                    + " stakeholders; " + stakeholder.content().name() + " is " + stakeholder.content().direction());
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the answer is not valid", problems.list());
        }
        stakeholders.answer(id, question, answer, answeredBy);
        return get(id);
    }

    public static ProblemException unknown(long id) {
        return new ProblemException(Response.Status.NOT_FOUND, "no stakeholder " + id);
    }

    private StakeholderContent read(JsonNode body) {
        InputProblems problems = new InputProblems();
        StakeholderContent content = StakeholderReader.read(body, webhooks, problems);
        if (content == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the stakeholder is not valid", problems.list());
        }
        return content;
    }
}
