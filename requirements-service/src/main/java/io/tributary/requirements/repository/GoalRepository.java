package io.tributary.requirements.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.requirements.goal.Goal;
import io.tributary.requirements.goal.GoalContent;

@ApplicationScoped
public class GoalRepository {

    private static final String COLUMNS = "id, title, description, success_measure, owner, created_at, updated_at";

    private final Jdbc jdbc;

    public GoalRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Goal insert(GoalContent content) {
        return jdbc.one("insert into catalog.goal (title, description, success_measure, owner) values (?, ?, ?, ?) "
                + "returning " + COLUMNS, statement -> bind(statement, content), GoalRepository::goal).orElseThrow();
    }

    public Optional<Goal> update(long id, GoalContent content) {
        return jdbc.one("update catalog.goal set title = ?, description = ?, success_measure = ?, owner = ?, "
                + "updated_at = now() where id = ? returning " + COLUMNS, statement -> {
                    bind(statement, content);
                    statement.setLong(5, id);
                }, GoalRepository::goal);
    }

    public Optional<Goal> find(long id) {
        return jdbc.one("select " + COLUMNS + " from catalog.goal where id = ?", s -> s.setLong(1, id),
                GoalRepository::goal);
    }

    public List<Goal> list() {
        return jdbc.list("select " + COLUMNS + " from catalog.goal order by id", s -> {
        }, GoalRepository::goal);
    }

    private static void bind(java.sql.PreparedStatement statement, GoalContent content) throws SQLException {
        statement.setString(1, content.title());
        statement.setString(2, content.description());
        statement.setString(3, content.successMeasure());
        statement.setString(4, content.owner());
    }

    private static Goal goal(ResultSet row) throws SQLException {
        return new Goal(row.getLong("id"), new GoalContent(row.getString("title"), row.getString("description"),
                row.getString("success_measure"), row.getString("owner")), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"));
    }
}
