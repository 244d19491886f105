package io.tributary.serving.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.serving.api.MetricsResponse;
import io.tributary.serving.mapping.MetricsMapper;
import io.tributary.serving.masking.Masks;
import io.tributary.serving.service.MetricsAnswers;
import io.tributary.serving.service.MetricsParameters;
import io.tributary.serving.service.Staleness;

/**
 * A metrics query kept answered: the answer now, then the answer again each time a commit changed the aggregate it
 * reads and the answer differs from the one sent before. Changes arriving while the query runs are answered by one
 * more query, never by one each. Answers come through the answer cache: streams of the same question share one query
 * per commit.
 */
@ApplicationScoped
public class MetricsStream {

    private final MetricsAnswers metrics;
    private final AggregateChanges changes;
    private final Masks masks;

    public MetricsStream(MetricsAnswers metrics, AggregateChanges changes, Masks masks) {
        this.metrics = metrics;
        this.changes = changes;
        this.masks = masks;
    }

    /**
     * Checks the query at once, so that a bad one is refused before the stream starts. A stream is not refused for the
     * data's age: its {@code maxStaleness} lets its first answer be the question's previous answer within that bound
     * while the answer after a commit is computed, which then follows (decision 0059).
     *
     * @throws io.tributary.catalog.problem.ProblemException 404 when the pipeline has no aggregate table, 400 naming
     *         each parameter it cannot answer
     */
    public Multi<MetricsResponse> stream(String pipeline, MetricsParameters parameters) {
        // Who may see what is decided now: the answers are sent from other threads, after this request.
        boolean seesPersonalData = masks.callerSeesPersonalData();
        List<String> problems = new ArrayList<>();
        Duration olderWithin = Staleness.parse(parameters.maxStaleness(), problems);
        if (!problems.isEmpty()) {
            // the plain path names a bad bound with every other bad parameter
            metrics.metrics(pipeline, parameters, seesPersonalData);
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
        }
        metrics.forStream(pipeline, parameters, seesPersonalData, olderWithin);
        String table = CuratedTables.freshnessKey(pipeline);
        Executor executor = Infrastructure.getDefaultWorkerPool();
        return Multi.createFrom().emitter(emitter -> {
            Answers answers = new Answers(emitter, first -> metrics.forStream(pipeline, parameters,
                    seesPersonalData, first ? olderWithin : null));
            Runnable unsubscribe = changes.subscribe(changed -> {
                if (changed.equals(table) || changed.equals(AggregateChanges.ANY_TABLE)) {
                    answers.changed(executor);
                }
            });
            emitter.onTermination(unsubscribe);
            // After subscribing, so that no commit falls between the first answer and the changes heard.
            answers.changed(executor);
        });
    }

    /**
     * Runs the query one at a time, once more after any change heard while it ran, and sends what is new; after a
     * previous answer, once more for the answer after the commit.
     */
    private static final class Answers {

        private final MultiEmitter<? super MetricsResponse> emitter;
        /** The answer, given whether it is the stream's first (which may be a previous answer). */
        private final Function<Boolean, MetricsAnswers.StreamAnswer> query;
        private final AtomicInteger pending = new AtomicInteger();
        private boolean first = true;
        private MetricsResponse last;

        Answers(MultiEmitter<? super MetricsResponse> emitter, Function<Boolean, MetricsAnswers.StreamAnswer> query) {
            this.emitter = emitter;
            this.query = query;
        }

        void changed(Executor executor) {
            if (pending.getAndIncrement() == 0) {
                executor.execute(this::drain);
            }
        }

        private void drain() {
            int seen = pending.get();
            do {
                if (emitter.isCancelled()) {
                    return;
                }
                try {
                    MetricsAnswers.StreamAnswer streamed = query.apply(first);
                    first = false;
                    MetricsResponse answer = MetricsMapper.toResponse(streamed.metrics());
                    if (!Objects.equals(answer, last)) {
                        last = answer;
                        emitter.emit(answer);
                    }
                    if (streamed.previous()) {
                        pending.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
                seen = pending.addAndGet(-seen);
            } while (seen != 0);
        }
    }
}
