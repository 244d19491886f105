package io.tributary.serving.cache;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Answers kept until the data they were computed from changes: each answer is stored with the version its pipeline
 * had when the computation started, and given again only while the pipeline still has that version. A version that
 * moved during the computation (a commit heard meanwhile) keeps the answer from being stored, so an answer is never
 * older than a change the versions have told of.
 * <p>
 * Requests for the same missing answer under the same version compute it once and share it (single flight); a
 * request under a newer version does not wait for a computation started under an older one. Failures are handed to
 * the requests that waited for them and never kept. The answers kept are bounded both in number and in estimated
 * bytes; the least recently used go first, and an answer larger than the whole byte budget is not kept.
 * <p>
 * A question's last answer stays beside the computation of its next one as its <em>previous</em> answer, for
 * requests that accept an older answer (decision 0055): such a request is given the previous answer at once while the
 * next one is computed in the background, instead of waiting for it. A previous answer is offered only within the
 * pipeline's generation it was computed in: a change of what answers mean (a contract, a pipeline version) or changes
 * that may have gone unheard move the generation, and every answer of an older generation is gone for good.
 *
 * @param <K> the question, within a pipeline
 * @param <V> the answer
 */
public final class AnswerCache<K, V> {

    /** How a request was answered. */
    public enum Outcome {
        /** Given from the answers kept. */
        HIT,
        /** Computed for this request. */
        MISS,
        /** Computed once for this request and others that asked at the same time. */
        SHARED,
        /** The previous answer, which the request accepted, given while the current one is computed. */
        OLDER
    }

    /** An answer and how it was found. */
    public record Answer<V>(V value, Outcome outcome) {
    }

    private record Slot<K>(String pipeline, K key) {
    }

    private static final class Entry<V> {
        final long version;
        final long generation;
        final CompletableFuture<V> answer = new CompletableFuture<>();
        /** The question's answer before this one, of the same generation, until this one is done; or null. */
        volatile V previous;
        /** The estimated bytes counted for this entry: its answer once kept, its previous answer until then. */
        long bytes;

        Entry(long version, long generation, V previous, long previousBytes) {
            this.version = version;
            this.generation = generation;
            this.previous = previous;
            this.bytes = previous == null ? 0 : previousBytes;
        }

        /** The latest answer this entry holds for a request of this generation: its own once done, or its previous. */
        V latest(long currentGeneration) {
            if (generation != currentGeneration) {
                return null;
            }
            if (answer.isDone() && !answer.isCompletedExceptionally()) {
                return answer.join();
            }
            return previous;
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final ToLongFunction<V> weigher;
    private final ToLongFunction<String> versions;
    private final ToLongFunction<String> generations;
    private final Executor background;
    /** Access order: the least recently used first. Guarded by itself. */
    private final LinkedHashMap<Slot<K>, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /**
     * A cache that gives no previous answers: every request waits for the current one.
     *
     * @param maxEntries the most answers kept
     * @param maxBytes the most estimated bytes of answers kept
     * @param weigher an answer's estimated size in bytes
     * @param versions a pipeline's current version: any change to what its answers are computed from moves it
     */
    public AnswerCache(int maxEntries, long maxBytes, ToLongFunction<V> weigher, ToLongFunction<String> versions) {
        this(maxEntries, maxBytes, weigher, versions, versions, Runnable::run);
    }

    /**
     * @param maxEntries the most answers kept
     * @param maxBytes the most estimated bytes of answers kept
     * @param weigher an answer's estimated size in bytes
     * @param versions a pipeline's current version: any change to what its answers are computed from moves it
     * @param generations a pipeline's current generation: it moves when what its answers mean may have changed, or
     *        changes may have gone unheard; a previous answer is given only within its generation
     * @param background runs the computations of answers whose requests were given the previous answer
     */
    public AnswerCache(int maxEntries, long maxBytes, ToLongFunction<V> weigher, ToLongFunction<String> versions,
            ToLongFunction<String> generations, Executor background) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("an answer cache holds at least one entry and one byte");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.weigher = Objects.requireNonNull(weigher);
        this.versions = Objects.requireNonNull(versions);
        this.generations = Objects.requireNonNull(generations);
        this.background = Objects.requireNonNull(background);
    }

    /**
     * The answer kept for the question under the pipeline's current version, or the one {@code compute} gives, kept
     * if the version did not move meanwhile.
     *
     * @throws RuntimeException what {@code compute} threw, for this request or the one it shared
     */
    public Answer<V> get(String pipeline, K key, Supplier<V> compute) {
        return get(pipeline, key, compute, older -> false);
    }

    /**
     * As {@link #get(String, Object, Supplier)}, but a request for which the current answer is not kept yet is given
     * the question's previous answer at once if {@code acceptsOlder} accepts it, while the current one is computed in
     * the background (or joins the computation already under way).
     */
    public Answer<V> get(String pipeline, K key, Supplier<V> compute, Predicate<V> acceptsOlder) {
        Slot<K> slot = new Slot<>(pipeline, key);
        // the version first: a generation read after it is at least as new, so an answer of another meaning is never
        // taken as the previous one of a computation that reads the new one
        long version = versions.applyAsLong(pipeline);
        long generation = generations.applyAsLong(pipeline);
        Entry<V> entry;
        Entry<V> mine;
        synchronized (entries) {
            entry = entries.get(slot);
            if (entry != null && entry.version == version) {
                mine = null;
            } else {
                V previous = entry == null ? null : entry.latest(generation);
                mine = new Entry<>(version, generation, previous, entry == null ? 0 : entry.bytes);
                entries.put(slot, mine);
                if (entry != null) {
                    bytes -= entry.bytes;
                }
                bytes += mine.bytes;
                entry = mine;
            }
        }
        if (mine == null) {
            if (entry.answer.isDone()) {
                return new Answer<>(join(entry.answer), Outcome.HIT);
            }
            V previous = entry.previous;
            if (previous != null && entry.generation == generation && acceptsOlder.test(previous)) {
                return new Answer<>(previous, Outcome.OLDER);
            }
            return new Answer<>(join(entry.answer), Outcome.SHARED);
        }
        V previous = mine.previous;
        if (previous != null && acceptsOlder.test(previous)) {
            try {
                background.execute(() -> {
                    try {
                        compute(slot, mine, compute);
                    } catch (RuntimeException | Error e) {
                        // handed to the requests that waited for it; the next request computes again
                    }
                });
                return new Answer<>(previous, Outcome.OLDER);
            } catch (RejectedExecutionException e) {
                // no background thread to compute it: this request computes it
            }
        }
        return new Answer<>(compute(slot, mine, compute), Outcome.MISS);
    }

    private V compute(Slot<K> slot, Entry<V> mine, Supplier<V> compute) {
        V value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                if (entries.remove(slot, mine)) {
                    bytes -= mine.bytes;
                }
            }
            mine.answer.completeExceptionally(e);
            throw e;
        }
        mine.answer.complete(value);
        keep(slot, mine, value);
        return value;
    }

    private void keep(Slot<K> slot, Entry<V> mine, V value) {
        long size = weigher.applyAsLong(value);
        boolean current = versions.applyAsLong(slot.pipeline()) == mine.version;
        synchronized (entries) {
            mine.previous = null;
            if (entries.get(slot) != mine) {
                // replaced by a computation under a newer version, or removed
                return;
            }
            bytes -= mine.bytes;
            mine.bytes = 0;
            if (!current || size > maxBytes) {
                entries.remove(slot);
                return;
            }
            mine.bytes = size;
            bytes += size;
            evict();
        }
    }

    /**
     * Drops the least recently used answers until both bounds hold; computations in progress weigh their previous
     * answer, which goes with them only when there are too many entries.
     */
    private void evict() {
        Iterator<Entry<V>> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Entry<V> entry = eldest.next();
            if (entry.answer.isDone() || entries.size() > maxEntries) {
                bytes -= entry.bytes;
                eldest.remove();
            }
        }
    }

    /**
     * Drops the pipeline's answers computed under an older version than its current one: they will not be given
     * again. Answers computed since (under the current version) stay.
     */
    public void invalidate(String pipeline) {
        long version = versions.applyAsLong(pipeline);
        synchronized (entries) {
            entries.entrySet().removeIf(e -> e.getKey().pipeline().equals(pipeline) && drop(e.getValue(), version));
        }
    }

    /** Drops every answer computed under an older version than its pipeline's current one. */
    public void invalidateAll() {
        synchronized (entries) {
            entries.entrySet().removeIf(e -> drop(e.getValue(), versions.applyAsLong(e.getKey().pipeline())));
        }
    }

    private boolean drop(Entry<V> entry, long version) {
        if (entry.version == version) {
            return false;
        }
        bytes -= entry.bytes;
        return true;
    }

    /** How many answers are kept or being computed. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The estimated bytes of the answers kept. */
    public long bytes() {
        synchronized (entries) {
            return bytes;
        }
    }

    /** The questions of the pipelines that have answers kept or being computed, least recently used first. */
    public List<Map.Entry<String, K>> keys() {
        synchronized (entries) {
            List<Map.Entry<String, K>> keys = new ArrayList<>();
            entries.keySet().forEach(slot -> keys.add(Map.entry(slot.pipeline(), slot.key())));
            return keys;
        }
    }

    private static <V> V join(CompletableFuture<V> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
