package io.tributary.serving.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicInteger computed = new AtomicInteger();

    private AnswerCache<String, String> cache(int maxEntries, long maxBytes) {
        return new AnswerCache<>(maxEntries, maxBytes, String::length,
                pipeline -> versions.computeIfAbsent(pipeline, p -> new AtomicLong()).get());
    }

    private String compute(String answer) {
        computed.incrementAndGet();
        return answer;
    }

    private void commit(String pipeline) {
        versions.computeIfAbsent(pipeline, p -> new AtomicLong()).incrementAndGet();
    }

    @Test
    void givesTheKeptAnswerUntilThePipelinesVersionMoves() {
        AnswerCache<String, String> cache = cache(10, 1000);
        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "q", () -> compute("a1")).outcome());
        AnswerCache.Answer<String> again = cache.get("sales", "q", () -> compute("a2"));
        assertEquals(new AnswerCache.Answer<>("a1", AnswerCache.Outcome.HIT), again);

        commit("sales");
        assertEquals(new AnswerCache.Answer<>("a3", AnswerCache.Outcome.MISS), cache.get("sales", "q",
                () -> compute("a3")));
        assertEquals(2, computed.get());
    }

    @Test
    void aCommitToOnePipelineLeavesTheAnswersOfAnotherKept() {
        AnswerCache<String, String> cache = cache(10, 1000);
        cache.get("sales", "q", () -> compute("sales"));
        cache.get("orders", "q", () -> compute("orders"));
        commit("sales");
        assertEquals(AnswerCache.Outcome.HIT, cache.get("orders", "q", () -> compute("other")).outcome());
        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "q", () -> compute("sales 2")).outcome());
    }

    @Test
    void doesNotKeepAnAnswerWhoseVersionMovedWhileItWasComputed() {
        AnswerCache<String, String> cache = cache(10, 1000);
        cache.get("sales", "q", () -> {
            commit("sales");
            return compute("read before the commit was heard");
        });
        assertEquals(new AnswerCache.Answer<>("after", AnswerCache.Outcome.MISS), cache.get("sales", "q",
                () -> compute("after")));
        assertEquals(AnswerCache.Outcome.HIT, cache.get("sales", "q", () -> compute("again")).outcome());
    }

    @Test
    void computesAMissingAnswerOnceForRequestsThatAskAtTheSameTime() throws Exception {
        AnswerCache<String, String> cache = cache(10, 1000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<AnswerCache.Answer<String>> first = pool.submit(() -> cache.get("sales", "q", () -> {
                started.countDown();
                await(release);
                return compute("answer");
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            List<Future<AnswerCache.Answer<String>>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> cache.get("sales", "q", () -> compute("computed again"))));
            }
            Thread.sleep(200);
            release.countDown();
            assertEquals(AnswerCache.Outcome.MISS, first.get(5, TimeUnit.SECONDS).outcome());
            for (Future<AnswerCache.Answer<String>> other : others) {
                assertEquals("answer", other.get(5, TimeUnit.SECONDS).value());
            }
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doesNotShareAComputationStartedBeforeACommitWithARequestAfterIt() throws Exception {
        AnswerCache<String, String> cache = cache(10, 1000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<AnswerCache.Answer<String>> before = pool.submit(() -> cache.get("sales", "q", () -> {
                started.countDown();
                await(release);
                return compute("before");
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            commit("sales");
            assertEquals(new AnswerCache.Answer<>("after", AnswerCache.Outcome.MISS), cache.get("sales", "q",
                    () -> compute("after")));
            release.countDown();
            assertEquals("before", before.get(5, TimeUnit.SECONDS).value());
            assertEquals(new AnswerCache.Answer<>("after", AnswerCache.Outcome.HIT), cache.get("sales", "q",
                    () -> compute("third")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void handsAFailureToTheRequestThatComputedItAndKeepsNothing() {
        AnswerCache<String, String> cache = cache(10, 1000);
        IllegalStateException failure = new IllegalStateException("database gone");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> cache.get("sales", "q", () -> {
            throw failure;
        })));
        assertEquals(0, cache.size());
        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "q", () -> compute("back")).outcome());
    }

    @Test
    void keepsNoMoreAnswersThanItsBoundDroppingTheLeastRecentlyUsed() {
        AnswerCache<String, String> cache = cache(3, 1000);
        cache.get("sales", "a", () -> compute("a"));
        cache.get("sales", "b", () -> compute("b"));
        cache.get("sales", "c", () -> compute("c"));
        cache.get("sales", "a", () -> compute("a again"));
        cache.get("sales", "d", () -> compute("d"));
        assertEquals(3, cache.size());
        assertEquals(List.of("c", "a", "d"), cache.keys().stream().map(Map.Entry::getValue).toList());
        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "b", () -> compute("b")).outcome());
        for (int i = 0; i < 100; i++) {
            String key = "k" + i;
            cache.get("sales", key, () -> compute(key));
            assertTrue(cache.size() <= 3);
        }
    }

    @Test
    void keepsNoMoreBytesThanItsBoundAndNoAnswerLargerThanIt() {
        AnswerCache<String, String> cache = cache(100, 10);
        cache.get("sales", "a", () -> compute("aaaa"));
        cache.get("sales", "b", () -> compute("bbbb"));
        assertEquals(8, cache.bytes());
        cache.get("sales", "c", () -> compute("cccc"));
        assertEquals(8, cache.bytes());
        assertEquals(List.of("b", "c"), cache.keys().stream().map(Map.Entry::getValue).toList());

        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "huge", () -> compute("x".repeat(11))).outcome());
        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "huge", () -> compute("x".repeat(11))).outcome());
        assertTrue(cache.bytes() <= 10);
    }

    @Test
    void invalidatingFreesTheAnswersOfOlderVersionsOnly() {
        AnswerCache<String, String> cache = cache(10, 1000);
        cache.get("sales", "old", () -> compute("s"));
        cache.get("orders", "q", () -> compute("o"));
        commit("sales");
        cache.get("sales", "new", () -> compute("n"));
        cache.invalidate("sales");
        assertEquals(List.of("orders", "sales"), cache.keys().stream().map(Map.Entry::getKey).toList());
        assertEquals(2, cache.bytes());
        commit("orders");
        commit("sales");
        cache.invalidateAll();
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
    }

    /** A cache that may give previous answers, computing the next ones in {@link #background} when run. */
    private AnswerCache<String, String> olderAnswers(int maxEntries, long maxBytes) {
        return new AnswerCache<>(maxEntries, maxBytes, String::length,
                pipeline -> versions.computeIfAbsent(pipeline, p -> new AtomicLong()).get(), pipeline -> generation.get(),
                background::add);
    }

    private final AtomicLong generation = new AtomicLong();
    private final List<Runnable> background = new ArrayList<>();

    private void runBackground() {
        List<Runnable> tasks = new ArrayList<>(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void givesThePreviousAnswerToRequestsThatAcceptItWhileTheNextIsComputedOnce() {
        AnswerCache<String, String> cache = olderAnswers(10, 1000);
        cache.get("sales", "q", () -> compute("a1"));
        commit("sales");

        assertEquals(new AnswerCache.Answer<>("a1", AnswerCache.Outcome.OLDER),
                cache.get("sales", "q", () -> compute("a2"), older -> true));
        assertEquals(new AnswerCache.Answer<>("a1", AnswerCache.Outcome.OLDER),
                cache.get("sales", "q", () -> compute("other"), older -> true));
        assertEquals(1, background.size(), "one computation for both");
        assertEquals(1, computed.get());

        runBackground();
        assertEquals(new AnswerCache.Answer<>("a2", AnswerCache.Outcome.HIT),
                cache.get("sales", "q", () -> compute("other"), older -> true));
        assertEquals(2, computed.get());
        assertEquals(2, cache.bytes());
    }

    @Test
    void aRequestThatDoesNotAcceptTheOlderAnswerGetsTheNextOne() {
        AnswerCache<String, String> cache = olderAnswers(10, 1000);
        cache.get("sales", "q", () -> compute("a1"));
        commit("sales");

        assertEquals(new AnswerCache.Answer<>("a2", AnswerCache.Outcome.MISS),
                cache.get("sales", "q", () -> compute("a2"), older -> false));
        commit("sales");
        assertEquals(new AnswerCache.Answer<>("a3", AnswerCache.Outcome.MISS),
                cache.get("sales", "q", () -> compute("a3"), older -> !older.equals("a2")));
        assertEquals(new AnswerCache.Answer<>("a3", AnswerCache.Outcome.HIT),
                cache.get("sales", "q", () -> compute("other")));
        assertTrue(background.isEmpty());
    }

    @Test
    void neverGivesAnAnswerOfAnotherGeneration() {
        AnswerCache<String, String> cache = olderAnswers(10, 1000);
        cache.get("sales", "q", () -> compute("masked differently"));
        generation.incrementAndGet();
        commit("sales");

        assertEquals(new AnswerCache.Answer<>("a2", AnswerCache.Outcome.MISS),
                cache.get("sales", "q", () -> compute("a2"), older -> true));
        assertTrue(background.isEmpty());
    }

    @Test
    void aFailedComputationInTheBackgroundIsKeptForNobody() {
        AnswerCache<String, String> cache = olderAnswers(10, 1000);
        cache.get("sales", "q", () -> compute("a1"));
        commit("sales");
        assertEquals(AnswerCache.Outcome.OLDER, cache.get("sales", "q", () -> {
            throw new IllegalStateException("database down");
        }, older -> true).outcome());

        runBackground();
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
        assertEquals(new AnswerCache.Answer<>("a2", AnswerCache.Outcome.MISS),
                cache.get("sales", "q", () -> compute("a2"), older -> true));
    }

    @Test
    void invalidatingAllDropsThePreviousAnswersToo() {
        AnswerCache<String, String> cache = olderAnswers(10, 1000);
        cache.get("sales", "q", () -> compute("a1"));
        commit("sales");
        generation.incrementAndGet();
        cache.invalidateAll();
        assertEquals(0, cache.size());

        assertEquals(AnswerCache.Outcome.MISS, cache.get("sales", "q", () -> compute("a2"), older -> true).outcome());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
