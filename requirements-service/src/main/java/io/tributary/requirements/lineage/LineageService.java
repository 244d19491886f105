package io.tributary.requirements.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.lineage.LineageDatasetRef;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.catalog.lineage.LineageQuery;
import io.tributary.catalog.lineage.LineageRepository;
import io.tributary.catalog.masking.Masking;
import io.tributary.catalog.masking.PersonalData;
import io.tributary.catalog.problem.ProblemException;

/**
 * Finds stored run events, of every service's jobs, as they were written. Events hold no record values, but the reason
 * a run failed is free text that may quote one (a database's refusal names the key it refused): it is masked for the
 * roles that may not see personal data (decision 0037).
 */
@ApplicationScoped
public class LineageService {

    /** The request's filters as sent; null or blank ones do not filter. */
    public record Request(String jobNamespace, String job, String run, String datasetNamespace, String dataset,
            String role, int limit) {
    }

    private final LineageRepository lineage;
    private final SecurityIdentity identity;

    public LineageService(LineageRepository lineage, SecurityIdentity identity) {
        this.lineage = lineage;
        this.identity = identity;
    }

    @Transactional
    public List<JsonNode> find(Request request) {
        boolean unmasked = PersonalData.seenBy(identity.getRoles());
        return lineage.search(query(request)).stream()
                .map(e -> LineageJson.read(e.event))
                .map(event -> unmasked ? event : masked(event))
                .toList();
    }

    /** The event with the reason its run failed, and the stack trace, masked: the only text in it a value can be in. */
    static JsonNode masked(JsonNode event) {
        if (event.path("run").path("facets").path("errorMessage") instanceof ObjectNode error) {
            error.put("message", Masking.value(error.path("message").asText()));
            error.remove("stackTrace");
        }
        return event;
    }

    private static LineageQuery query(Request request) {
        List<String> problems = new ArrayList<>();
        UUID run = null;
        if (present(request.run())) {
            try {
                run = UUID.fromString(request.run().strip());
            } catch (IllegalArgumentException e) {
                problems.add("run: '" + request.run() + "' is not a UUID");
            }
        }
        LineageDatasetRef.Role role = null;
        if (present(request.role())) {
            try {
                role = LineageDatasetRef.Role.valueOf(request.role().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("role: must be input or output, not '" + request.role() + "'");
            }
            if (!present(request.dataset())) {
                problems.add("role: filters by dataset, so needs dataset");
            }
        }
        if (present(request.datasetNamespace()) && !present(request.dataset())) {
            problems.add("namespace: is the dataset's namespace, so needs dataset");
        }
        if (request.limit() < 1 || request.limit() > LineageQuery.MAX_LIMIT) {
            problems.add("limit: must be between 1 and " + LineageQuery.MAX_LIMIT);
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid lineage query", problems);
        }
        return new LineageQuery(blankToNull(request.jobNamespace()), blankToNull(request.job()), run,
                blankToNull(request.datasetNamespace()), blankToNull(request.dataset()), role, request.limit());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value : null;
    }
}
