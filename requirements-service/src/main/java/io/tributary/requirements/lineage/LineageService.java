package io.tributary.requirements.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.catalog.lineage.LineageDatasetRef;
import io.tributary.catalog.lineage.LineageJson;
import io.tributary.catalog.lineage.LineageQuery;
import io.tributary.catalog.lineage.LineageRepository;
import io.tributary.catalog.problem.ProblemException;

/** Finds stored run events, of every service's jobs, as they were written. */
@ApplicationScoped
public class LineageService {

    /** The request's filters as sent; null or blank ones do not filter. */
    public record Request(String jobNamespace, String job, String run, String datasetNamespace, String dataset,
            String role, int limit) {
    }

    private final LineageRepository lineage;

    public LineageService(LineageRepository lineage) {
        this.lineage = lineage;
    }

    @Transactional
    public List<JsonNode> find(Request request) {
        return lineage.search(query(request)).stream().map(e -> LineageJson.read(e.event)).toList();
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
