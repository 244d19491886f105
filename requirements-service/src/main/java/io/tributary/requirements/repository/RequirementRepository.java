package io.tributary.requirements.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.requirements.confirmation.Action;
import io.tributary.requirements.confirmation.State;
import io.tributary.requirements.confirmation.Transition;
import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.ObjectiveCodec;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.requirement.Driver;
import io.tributary.requirements.requirement.Level;
import io.tributary.requirements.requirement.Origin;
import io.tributary.requirements.requirement.Requirement;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementKind;
import io.tributary.requirements.requirement.RequirementVersion;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

/** Requirements, their versions and their transitions, in {@code catalog.requirement*}. */
@ApplicationScoped
public class RequirementRepository {

    /** The one column list of a version, in the order {@link #bindContent} binds them. */
    private static final List<String> CONTENT = List.of("level", "kind", "goal_id", "derived_from",
            "stakeholder_ids", "statement", "actions", "target_type", "target_name", "elements", "driver",
            "objective", "slo");
    private static final String SELECT = """
            select requirement_id, version, level, kind, goal_id, derived_from, stakeholder_ids, statement, actions,
                target_type, target_name, elements, driver, objective::text as objective, slo::text as slo, state,
                read_back, origin, created_at, updated_at
            from catalog.requirement_version""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;

    public RequirementRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long newId() {
        return jdbc.one("insert into catalog.requirement default values returning id", s -> {
        }, row -> row.getLong(1)).orElseThrow();
    }

    public boolean exists(long id) {
        return jdbc.one("select 1 from catalog.requirement where id = ?", s -> s.setLong(1, id), row -> true)
                .isPresent();
    }

    public void insertVersion(long id, int version, RequirementContent content, State state, String readBack,
            Origin origin) {
        String columns = String.join(", ", CONTENT);
        String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb";
        jdbc.update("insert into catalog.requirement_version (requirement_id, version, " + columns
                + ", state, read_back, origin) values (?, ?, " + values + ", ?, ?, ?)", statement -> {
                    statement.setLong(1, id);
                    statement.setInt(2, version);
                    bindContent(statement, 3, content);
                    statement.setString(16, state.name());
                    statement.setString(17, readBack);
                    statement.setString(18, origin.name());
                });
    }

    public void updateContent(long id, int version, RequirementContent content, State state) {
        String sets = String.join(" = ?, ", CONTENT).replace("objective = ?", "objective = ?::jsonb")
                + " = ?::jsonb";
        jdbc.update("update catalog.requirement_version set " + sets
                + ", state = ?, read_back = null, updated_at = now() where requirement_id = ? and version = ?",
                statement -> {
                    bindContent(statement, 1, content);
                    statement.setString(14, state.name());
                    statement.setLong(15, id);
                    statement.setInt(16, version);
                });
    }

    public void updateState(long id, int version, State state, String readBack) {
        jdbc.update("update catalog.requirement_version set state = ?, read_back = coalesce(?, read_back), "
                + "updated_at = now() where requirement_id = ? and version = ?", statement -> {
                    statement.setString(1, state.name());
                    statement.setString(2, readBack);
                    statement.setLong(3, id);
                    statement.setInt(4, version);
                });
    }

    public List<RequirementVersion> versions(long id) {
        return jdbc.list(SELECT + " where requirement_id = ? order by version", s -> s.setLong(1, id),
                RequirementRepository::version);
    }

    public Optional<Requirement> find(long id) {
        return assemble(versions(id)).stream().findFirst();
    }

    /** Every requirement, by id. */
    public List<Requirement> list() {
        return assemble(jdbc.list(SELECT + " order by requirement_id, version", s -> {
        }, RequirementRepository::version));
    }

    /** Requirements with a version whose target is one of these (type, name) pairs. */
    public List<Requirement> byTargets(Collection<Target> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        List<String> keys = targets.stream().map(t -> t.type().name() + "\u0001" + t.name()).toList();
        return assemble(jdbc.list(SELECT + " where requirement_id in (select requirement_id from "
                + "catalog.requirement_version where target_type || chr(1) || target_name = any(?)) "
                + "order by requirement_id, version", s -> Jdbc.texts(s, 1, keys), RequirementRepository::version));
    }

    public void transition(Transition transition) {
        jdbc.update("insert into catalog.requirement_transition (requirement_id, version, action, from_state, "
                + "to_state, actor, comment, at) values (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setLong(1, transition.requirementId());
                    statement.setInt(2, transition.version());
                    statement.setString(3, transition.action().name());
                    statement.setString(4, transition.from() == null ? null : transition.from().name());
                    statement.setString(5, transition.to().name());
                    statement.setString(6, transition.actor());
                    statement.setString(7, transition.comment());
                    statement.setTimestamp(8, Jdbc.timestamp(transition.at()));
                });
    }

    public List<Transition> history(long id) {
        return jdbc.list("select requirement_id, version, action, from_state, to_state, actor, comment, at "
                + "from catalog.requirement_transition where requirement_id = ? order by id", s -> s.setLong(1, id),
                row -> new Transition(row.getLong("requirement_id"), row.getInt("version"),
                        Action.valueOf(row.getString("action")),
                        row.getString("from_state") == null ? null : State.valueOf(row.getString("from_state")),
                        State.valueOf(row.getString("to_state")), row.getString("actor"), row.getString("comment"),
                        Jdbc.instant(row, "at")));
    }

    /** Versions grouped into requirements: versions must come ordered by requirement, then version. */
    private static List<Requirement> assemble(List<RequirementVersion> versions) {
        Map<Long, List<RequirementVersion>> byId = new LinkedHashMap<>();
        for (RequirementVersion version : versions) {
            byId.computeIfAbsent(version.requirementId(), id -> new ArrayList<>()).add(version);
        }
        List<Requirement> requirements = new ArrayList<>();
        byId.forEach((id, list) -> {
            RequirementVersion current = list.get(list.size() - 1);
            Optional<RequirementVersion> inForce = list.stream().filter(v -> v.state().inForce())
                    .reduce((first, second) -> second);
            requirements.add(new Requirement(id, current, inForce));
        });
        return requirements;
    }

    private static void bindContent(PreparedStatement statement, int first, RequirementContent content)
            throws SQLException {
        int i = first;
        statement.setString(i++, content.level().name());
        statement.setString(i++, content.kind().name());
        Jdbc.nullableLong(statement, i++, content.goalId());
        Jdbc.nullableLong(statement, i++, content.derivedFrom());
        Jdbc.longs(statement, i++, content.stakeholderIds());
        statement.setString(i++, content.statement());
        Jdbc.texts(statement, i++, content.actions());
        statement.setString(i++, content.target() == null ? null : content.target().type().name());
        statement.setString(i++, content.target() == null ? null : content.target().name());
        Jdbc.texts(statement, i++, content.elements());
        statement.setString(i++, content.driver() == null ? null : content.driver().name());
        statement.setString(i++, content.objective() == null
                ? null
                : ObjectiveCodec.write(content.objective()).toString());
        statement.setString(i, content.slo() == null ? null : ObjectiveCodec.write(content.slo()).toString());
    }

    private static RequirementVersion version(ResultSet row) throws SQLException {
        Target target = row.getString("target_type") == null
                ? null
                : new Target(TargetType.valueOf(row.getString("target_type")), row.getString("target_name"));
        InputProblems problems = new InputProblems();
        Objective objective = row.getString("objective") == null
                ? null
                : ObjectiveCodec.read(tree(row.getString("objective")), "$.objective", problems);
        Slo slo = row.getString("slo") == null
                ? null
                : ObjectiveCodec.readSlo(tree(row.getString("slo")), "$.slo", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("stored requirement " + row.getLong("requirement_id") + " is unreadable: "
                    + problems.list());
        }
        RequirementContent content = new RequirementContent(Level.valueOf(row.getString("level")),
                RequirementKind.valueOf(row.getString("kind")), Jdbc.nullableLong(row, "goal_id"),
                Jdbc.nullableLong(row, "derived_from"), Jdbc.longs(row, "stakeholder_ids"),
                row.getString("statement"), Jdbc.texts(row, "actions"), target, Jdbc.texts(row, "elements"),
                row.getString("driver") == null ? null : Driver.valueOf(row.getString("driver")), objective, slo);
        return new RequirementVersion(row.getLong("requirement_id"), row.getInt("version"), content,
                State.valueOf(row.getString("state")), row.getString("read_back"),
                Origin.valueOf(row.getString("origin")), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
