package io.tributary.serving.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads, from the catalog the requirements service writes, the newest version of each requirement with an objective
 * on a pipeline, its dataset, the dataset's sources or the pipeline's metrics queries, and its latest evaluation.
 */
@ApplicationScoped
public class ObjectiveRepository {

    private static final String SQL = """
            select v.requirement_id, v.version, v.statement, v.state, v.read_back, v.target_type, v.target_name,
                   v.objective::text, v.slo::text, s.state, s.value, s.good_share, s.budget_left, s.evaluated_at
              from catalog.requirement_version v
              left join catalog.slo_status s on s.requirement_id = v.requirement_id
             where v.objective is not null
               and v.version = (select max(w.version) from catalog.requirement_version w
                                 where w.requirement_id = v.requirement_id)
               and ((v.target_type = 'PIPELINE' and v.target_name = ?)
                    or (v.target_type = 'DATASET' and v.target_name = ?)
                    or (v.target_type = 'SOURCE' and v.target_name in (select name from catalog.source
                                                                         where dataset = ?))
                    or (v.target_type = 'SERVING' and (v.target_name = ? or v.target_name like ?)))
             order by v.requirement_id
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ObjectiveRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public List<Objective> on(String pipeline, String dataset) {
        String query = "/api/metrics/" + pipeline;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, pipeline);
            statement.setString(2, dataset);
            statement.setString(3, dataset);
            statement.setString(4, query);
            statement.setString(5, query.replace("_", "\\_") + "?%");
            try (ResultSet result = statement.executeQuery()) {
                List<Objective> objectives = new ArrayList<>();
                while (result.next()) {
                    JsonNode objective = parse(result.getString(8));
                    OffsetDateTime evaluatedAt = result.getObject(14, OffsetDateTime.class);
                    objectives.add(new Objective(result.getLong(1), result.getInt(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            objective == null ? null : objective.path("kind").asText(null), objective,
                            parse(result.getString(9)), result.getString(10), number(result, 11),
                            number(result, 12), number(result, 13),
                            evaluatedAt == null ? null : evaluatedAt.toInstant(),
                            FreshnessLimit.maxAgeSeconds(objective)));
                }
                return objectives;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the requirements from the catalog: " + e.getMessage(),
                    e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalog holds a requirement that is not JSON: " + e.getMessage(), e);
        }
    }

    private static Double number(ResultSet result, int column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }
}
