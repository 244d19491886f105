package io.tributary.ingestion.quarantine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.QuarantineRepository;

@ApplicationScoped
@Transactional
public class QuarantineService {

    /** Filters on the quarantine; null fields do not filter. */
    public record Query(String dataset, UUID batch, String rule, int page, int size) {
    }

    private final QuarantineRepository quarantine;

    public QuarantineService(QuarantineRepository quarantine) {
        this.quarantine = quarantine;
    }

    public List<QuarantinedRecordEntity> find(Query query) {
        if (query.page() < 0 || query.size() < 1 || query.size() > 1000) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters",
                    List.of("page must be 0 or more and size between 1 and 1000"));
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (query.dataset() != null) {
            conditions.add("dataset = :dataset");
            parameters.put("dataset", query.dataset());
        }
        if (query.batch() != null) {
            conditions.add("batchId = :batch");
            parameters.put("batch", query.batch());
        }
        if (query.rule() != null) {
            conditions.add("rule = :rule");
            parameters.put("rule", query.rule());
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return quarantine.find(where, Sort.by("batchId").and("position"), parameters)
                .page(Page.of(query.page(), query.size()))
                .list();
    }
}
