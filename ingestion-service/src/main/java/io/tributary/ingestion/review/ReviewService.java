package io.tributary.ingestion.review;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.ingestion.batch.BatchStore;
import io.tributary.ingestion.drift.DriftReport;
import io.tributary.ingestion.source.SourceService;

/** What an operator decides about a batch held for review. Nothing of a held batch has been published. */
@ApplicationScoped
@Transactional
public class ReviewService {

    /**
     * @param action {@code accept-suggestion} (the drift report's suggested mapping), {@code map} (the aliases and
     *        formats given here), {@code replay} (as it is, with the current contract, e.g. after a new version),
     *        {@code release} (let it through despite the hold), or {@code reject}
     */
    public record Decision(String action, Map<String, String> columnAliases, Map<String, String> formats) {
    }

    private static final List<String> ACTIONS = List.of("accept-suggestion", "map", "replay", "release", "reject");

    private final BatchStore batches;
    private final SourceService sources;

    public ReviewService(BatchStore batches, SourceService sources) {
        this.batches = batches;
        this.sources = sources;
    }

    public BatchEntity decide(UUID id, Decision decision) {
        if (decision == null || !ACTIONS.contains(decision.action())) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid review decision",
                    List.of("action: must be one of " + ACTIONS + ", found "
                            + (decision == null ? "nothing" : "'" + decision.action() + "'")));
        }
        BatchEntity batch = batches.get(id);
        if (batch.status != BatchStatus.AWAITING_REVIEW) {
            throw new ProblemException(Response.Status.CONFLICT, "batch " + id + " is " + batch.status
                    + "; only a batch AWAITING_REVIEW can be reviewed");
        }
        switch (decision.action()) {
            case "accept-suggestion" -> {
                DriftReport drift = batch.drift == null
                        ? null
                        : EventJson.read(batch.drift.getBytes(StandardCharsets.UTF_8),
                                DriftReport.class);
                if (drift == null || (drift.suggestedAliases().isEmpty() && drift.suggestedFormats().isEmpty())) {
                    throw new ProblemException(Response.Status.CONFLICT, "batch " + id + " has no suggested mapping: "
                            + "send 'map' with columnAliases or formats, 'replay' after a new contract version, or "
                            + "'reject'");
                }
                sources.acceptMapping(batch.source, drift.suggestedAliases(), drift.suggestedFormats());
                batches.requeue(batch);
            }
            case "map" -> {
                sources.acceptMapping(batch.source, orEmpty(decision.columnAliases()), orEmpty(decision.formats()));
                batches.requeue(batch);
            }
            case "replay" -> batches.requeue(batch);
            case "release" -> {
                batch.released = true;
                batches.requeue(batch);
            }
            default -> batch.status = BatchStatus.REJECTED;
        }
        return batch;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
