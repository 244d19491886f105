package io.tributary.requirements.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.requirements.stakeholder.Answer;
import io.tributary.requirements.stakeholder.Asset;
import io.tributary.requirements.stakeholder.Direction;
import io.tributary.requirements.stakeholder.Question;
import io.tributary.requirements.stakeholder.Stakeholder;
import io.tributary.requirements.stakeholder.StakeholderContent;

@ApplicationScoped
public class StakeholderRepository {

    private static final String COLUMNS = "id, name, job, team, direction, email, webhook, assets::text as assets, "
            + "created_at, updated_at";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Asset>> ASSETS = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    public StakeholderRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Stakeholder insert(StakeholderContent content) {
        return jdbc.one("insert into catalog.stakeholder (name, job, team, direction, email, webhook, assets) "
                + "values (?, ?, ?, ?, ?, ?, ?::jsonb) returning " + COLUMNS,
                statement -> bind(statement, content), row -> stakeholder(row, List.of())).orElseThrow();
    }

    public Optional<Stakeholder> update(long id, StakeholderContent content) {
        return jdbc.one("update catalog.stakeholder set name = ?, job = ?, team = ?, direction = ?, email = ?, "
                + "webhook = ?, assets = ?::jsonb, updated_at = now() where id = ? returning " + COLUMNS,
                statement -> {
                    bind(statement, content);
                    statement.setLong(8, id);
                }, row -> stakeholder(row, answers(id)));
    }

    public Optional<Stakeholder> find(long id) {
        return jdbc.one("select " + COLUMNS + " from catalog.stakeholder where id = ?", s -> s.setLong(1, id),
                row -> stakeholder(row, answers(id)));
    }

    public List<Stakeholder> list() {
        Map<Long, List<Answer>> answers = allAnswers();
        return jdbc.list("select " + COLUMNS + " from catalog.stakeholder order by id", s -> {
        }, row -> stakeholder(row, answers.getOrDefault(row.getLong("id"), List.of())));
    }

    /** The stakeholders with these ids that exist, by id. */
    public Map<Long, Stakeholder> findAll(Collection<Long> ids) {
        Map<Long, Stakeholder> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<Long, List<Answer>> answers = allAnswers();
        for (Stakeholder stakeholder : jdbc.list("select " + COLUMNS + " from catalog.stakeholder where id = any(?)",
                s -> Jdbc.longs(s, 1, List.copyOf(ids)),
                row -> stakeholder(row, answers.getOrDefault(row.getLong("id"), List.of())))) {
            found.put(stakeholder.id(), stakeholder);
        }
        return found;
    }

    public void answer(long id, Question question, String answer, String answeredBy) {
        jdbc.update("""
                insert into catalog.stakeholder_answer (stakeholder_id, question, answer, answered_by, answered_at)
                values (?, ?, ?, ?, now())
                on conflict (stakeholder_id, question) do update
                    set answer = excluded.answer, answered_by = excluded.answered_by, answered_at = now()
                """, statement -> {
            statement.setLong(1, id);
            statement.setString(2, question.name());
            statement.setString(3, answer);
            statement.setString(4, answeredBy);
        });
    }

    private List<Answer> answers(long id) {
        return jdbc.list("select question, answer, answered_by, answered_at from catalog.stakeholder_answer "
                + "where stakeholder_id = ? order by answered_at", s -> s.setLong(1, id), StakeholderRepository::answer);
    }

    private Map<Long, List<Answer>> allAnswers() {
        Map<Long, List<Answer>> answers = new HashMap<>();
        jdbc.list("select stakeholder_id, question, answer, answered_by, answered_at from catalog.stakeholder_answer "
                + "order by answered_at", s -> {
                }, row -> answers.computeIfAbsent(row.getLong("stakeholder_id"), id -> new ArrayList<>())
                        .add(answer(row)));
        return answers;
    }

    private static Answer answer(ResultSet row) throws SQLException {
        return new Answer(Question.valueOf(row.getString("question")), row.getString("answer"),
                row.getString("answered_by"), Jdbc.instant(row, "answered_at"));
    }

    private static void bind(PreparedStatement statement, StakeholderContent content) throws SQLException {
        statement.setString(1, content.name());
        statement.setString(2, content.job());
        statement.setString(3, content.team());
        statement.setString(4, content.direction().name());
        statement.setString(5, content.email());
        statement.setString(6, content.webhook());
        try {
            statement.setString(7, JSON.writeValueAsString(content.assets()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assets are plain records", e);
        }
    }

    private static Stakeholder stakeholder(ResultSet row, List<Answer> answers) throws SQLException {
        List<Asset> assets;
        try {
            assets = JSON.readValue(row.getString("assets"), ASSETS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assets of stakeholder " + row.getLong("id") + " are unreadable", e);
        }
        StakeholderContent content = new StakeholderContent(row.getString("name"), row.getString("job"),
                row.getString("team"), Direction.valueOf(row.getString("direction")), row.getString("email"),
                row.getString("webhook"), assets);
        return new Stakeholder(row.getLong("id"), content, List.copyOf(answers), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"));
    }
}
