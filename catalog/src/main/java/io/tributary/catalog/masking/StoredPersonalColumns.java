package io.tributary.catalog.masking;

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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;

/**
 * The personal columns of a pipeline as the catalog stores them (decision 0037): from the column lineage its current
 * version keeps and its dataset's current contract, following the reference pipelines it looks up. The serving service
 * masks its answers by them and the transform the analysts' views (decision 0050), so both mask the same columns.
 */
public final class StoredPersonalColumns {

    /** How many reference pipelines deep a lookup is followed; a deeper chain is masked whole. */
    public static final int MAX_DEPTH = 8;

    private static final String CURRENT_VERSION = """
            select dataset, column_lineage::text from catalog.pipeline_version where name = ?
            order by version desc limit 1
            """;
    private static final String CURRENT_CONTRACT = """
            select document::text from catalog.contract_version where dataset = ? order by version desc limit 1
            """;
    private static final TypeReference<Map<String, List<String>>> LINEAGE = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredPersonalColumns() {
    }

    /** The personal columns of the pipeline's current version; null when it was never declared. */
    public static PersonalColumns of(Connection connection, String pipeline) throws SQLException {
        return personal(connection, pipeline, new HashSet<>(), 0);
    }

    /**
     * Whether the records of the pipeline's dataset hold personal data: its current contract classifies a property as
     * personal, or cannot be read today (what it classifies is not known). A record as it came holds every field, so
     * whatever is kept of it whole (its text, its key, its hash) is personal then.
     */
    public static boolean recordsHoldPersonalData(Connection connection, String pipeline) throws SQLException {
        String dataset = currentVersion(connection, pipeline)[0];
        if (dataset == null) {
            return false;
        }
        try {
            DataContract contract = contract(connection, dataset);
            return contract != null && !PersonalData.properties(contract).isEmpty();
        } catch (ContractException e) {
            return true;
        }
    }

    private static PersonalColumns personal(Connection connection, String pipeline, Set<String> seen, int depth)
            throws SQLException {
        if (!seen.add(pipeline)) {
            return PersonalColumns.NONE;
        }
        String[] version = currentVersion(connection, pipeline);
        if (version[0] == null) {
            return null;
        }
        DataContract contract;
        try {
            contract = contract(connection, version[0]);
        } catch (ContractException e) {
            // a stored contract today's reader refuses: what it classifies is not known, so everything is masked
            return new PersonalColumns(true, Set.of());
        }
        Set<String> personal = contract == null ? Set.of() : PersonalData.properties(contract);
        Set<String> fields = contract == null
                ? Set.of()
                : contract.properties().stream().map(ContractProperty::name).collect(Collectors.toSet());
        Map<String, List<String>> columns = version[1] == null ? null : read(version[1]);
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

    /** The dataset and the column lineage of the pipeline's current version; both null when there is none. */
    private static String[] currentVersion(Connection connection, String pipeline) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CURRENT_VERSION)) {
            query.setString(1, pipeline);
            try (ResultSet result = query.executeQuery()) {
                return result.next()
                        ? new String[]{result.getString(1), result.getString(2)}
                        : new String[]{null, null};
            }
        }
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

    private static Map<String, List<String>> read(String lineage) {
        try {
            return JSON.readValue(lineage.getBytes(StandardCharsets.UTF_8), LINEAGE);
        } catch (IOException e) {
            throw new IllegalStateException("a pipeline's column lineage is not readable: " + e.getMessage(), e);
        }
    }
}
