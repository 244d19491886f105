package io.tributary.serving.live;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.serving.api.MetricsResponse;
import io.tributary.serving.mapping.MetricsMapper;
import io.tributary.serving.masking.Masks;
import io.tributary.serving.service.MetricsAnswers;
import io.tributary.serving.service.MetricsParameters;

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
     * Checks the query at once, so that a bad one is refused before the stream starts.
     *
     * @throws io.tributary.catalog.problem.ProblemException 404 when the pipeline has no aggregate table, 400 naming
     *         each parameter it cannot answer
     */
    public Multi<MetricsResponse> stream(String pipeline, MetricsParameters parameters) {
        // Who may see what is decided now: the answers are sent from other threads, after this request.
        boolean seesPersonalData = masks.callerSeesPersonalData();
        metrics.metrics(pipeline, parameters, seesPersonalData);
        String table = CuratedTables.freshnessKey(pipeline);
        Executor executor = Infrastructure.getDefaultWorkerPool();
        return Multi.createFrom().emitter(emitter -> {
            Answers answers = new Answers(emitter, () -> MetricsMapper.toResponse(metrics.metrics(pipeline,
                    parameters, seesPersonalData)));
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

    /** Runs the query one at a time, once more after any change heard while it ran, and sends what is new. */
    private static final class Answers {

        private final MultiEmitter<? super MetricsResponse> emitter;
        private final Supplier<MetricsResponse> query;
        private final AtomicInteger pending = new AtomicInteger();
        private MetricsResponse last;

        Answers(MultiEmitter<? super MetricsResponse> emitter, Supplier<MetricsResponse> query) {
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
                    MetricsResponse answer = query.get();
                    if (!Objects.equals(answer, last)) {
                        last = answer;
                        emitter.emit(answer);
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
