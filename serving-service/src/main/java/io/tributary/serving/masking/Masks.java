package io.tributary.serving.masking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.masking.PersonalData;

/**
 * Where the serving service decides what it masks (decision 0037): the personal columns of a pipeline, from the column
 * lineage its current version stored and its dataset's current contract, for a caller whose roles may not see them.
 * Answers that are streamed after the request returns are given the columns when the request is checked.
 */
@ApplicationScoped
public class Masks {

    /** How many reference pipelines deep a lookup is followed; a deeper chain is masked whole. */
    static final int MAX_DEPTH = 8;

    private static final String CURRENT_VERSION = """
            select dataset, column_lineage::text from catalog.pipeline_version where name = ?
            order by version desc limit 1
            """;
    private static final String CURRENT_CONTRACT = """
            select document::text from catalog.contract_version where dataset = ? order by version desc limit 1
            """;
    private static final TypeReference<Map<String, List<String>>> LINEAGE = new TypeReference<>() {
    };

    private final SecurityIdentity identity;
    private final DataSource dataSource;
    private final ObjectMapper json;

    public Masks(SecurityIdentity identity, DataSource dataSource, ObjectMapper json) {
        this.identity = identity;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Whether the caller of the current request sees personal values as they are. */
    public boolean callerSeesPersonalData() {
        return PersonalData.seenBy(identity.getRoles());
    }

    /** The pipeline's columns the caller of the current request may not see; none for roles that see them. */
    public PersonalColumns forCaller(String pipeline) {
        return forAudience(pipeline, callerSeesPersonalData());
    }

    /** The pipeline's columns masked for someone who sees personal data or not. */
    public PersonalColumns forAudience(String pipeline, boolean seesPersonalData) {
        return seesPersonalData ? PersonalColumns.NONE : personal(pipeline);
    }

    /** The personal columns of the pipeline's current version; none when it was never declared. */
    public PersonalColumns personal(String pipeline) {
        try (Connection connection = dataSource.getConnection()) {
            PersonalColumns columns = personal(connection, pipeline, new HashSet<>(), 0);
            return columns == null ? PersonalColumns.NONE : columns;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read what " + pipeline + " holds of personal data: "
                    + e.getMessage(), e);
        }
    }

    private PersonalColumns personal(Connection connection, String pipeline, Set<String> seen, int depth)
            throws SQLException {
        if (!seen.add(pipeline)) {
            return PersonalColumns.NONE;
        }
        String dataset;
        String lineage;
        try (PreparedStatement query = connection.prepareStatement(CURRENT_VERSION)) {
            query.setString(1, pipeline);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                dataset = result.getString(1);
                lineage = result.getString(2);
            }
        }
        DataContract contract;
        try {
            contract = contract(connection, dataset);
        } catch (ContractException e) {
            // a stored contract today's reader refuses: what it classifies is not known, so everything is masked
            return new PersonalColumns(true, Set.of());
        }
        Set<String> personal = contract == null ? Set.of() : PersonalData.properties(contract);
        Set<String> fields = contract == null
                ? Set.of()
                : contract.properties().stream().map(ContractProperty::name).collect(Collectors.toSet());
        Map<String, List<String>> columns = lineage == null ? null : read(lineage);
        if (depth >= MAX_DEPTH) {
            return new PersonalColumns(true, Set.of());
        }
        Map<String, PersonalColumns> references = new HashMap<>();
        for (List<String> inputs : columns == null ? List.<List<String>>of() : columns.values()) {
            for (String input : inputs) {
                int dot = input.indexOf('.');
                if (dot > 0 && !fields.contains(input) && !references.containsKey(input.substring(0, dot))) {
                    String reference = input.substring(0, dot);
                    references.put(reference, personal(connection, reference, seen, depth + 1));
                }
            }
        }
        return PersonalColumns.of(columns, personal, fields, references::get);
    }

    private static DataContract contract(Connection connection, String dataset) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CURRENT_CONTRACT)) {
            query.setString(1, dataset);
            try (ResultSet result = query.executeQuery()) {
                return result.next()
                        ? ContractReader.read(ContractReader.parse(result.getString(1), ContractReader.Syntax.JSON),
                                dataset)
                        : null;
            }
        }
    }

    private Map<String, List<String>> read(String lineage) {
        try {
            return json.readValue(lineage.getBytes(StandardCharsets.UTF_8), LINEAGE);
        } catch (IOException e) {
            throw new IllegalStateException("a pipeline's column lineage is not readable: " + e.getMessage(), e);
        }
    }
}
