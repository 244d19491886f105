package io.tributary.requirements.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.requirements.contract.Clause;

/** Which contract clauses carry which requirements. */
@ApplicationScoped
public class ClauseRepository {

    private static final String COLUMNS = "requirement_id, version, dataset, contract_version, clause_id, property, "
            + "clause_key, created_at";

    private final Jdbc jdbc;

    public ClauseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Clause clause) {
        jdbc.update("insert into catalog.requirement_clause (requirement_id, version, dataset, contract_version, "
                + "clause_id, property, clause_key) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", s -> {
                    s.setLong(1, clause.requirementId());
                    s.setInt(2, clause.requirementVersion());
                    s.setString(3, clause.dataset());
                    s.setInt(4, clause.contractVersion());
                    s.setString(5, clause.clauseId());
                    s.setString(6, clause.property());
                    s.setString(7, clause.clauseKey());
                });
    }

    public List<Clause> ofRequirement(long requirementId) {
        return jdbc.list("select " + COLUMNS + " from catalog.requirement_clause where requirement_id = ? "
                + "order by contract_version", s -> s.setLong(1, requirementId), ClauseRepository::clause);
    }

    public List<Clause> ofDataset(String dataset) {
        return jdbc.list("select " + COLUMNS + " from catalog.requirement_clause where dataset = ? "
                + "order by contract_version", s -> s.setString(1, dataset), ClauseRepository::clause);
    }

    private static Clause clause(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Clause(row.getLong("requirement_id"), row.getInt("version"), row.getString("dataset"),
                row.getInt("contract_version"), row.getString("clause_id"), row.getString("property"),
                row.getString("clause_key"), Jdbc.instant(row, "created_at"));
    }
}
