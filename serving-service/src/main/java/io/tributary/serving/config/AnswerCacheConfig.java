package io.tributary.serving.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.answer-cache")
public interface AnswerCacheConfig {

    /** Whether metrics answers are kept until their aggregate's next commit; off, every request reads PostgreSQL. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Whether a request that gives {@code maxStaleness} may be given the previous answer to its question, if that is
     * within the bound, while the answer after a commit is computed in the background (decision 0055); off, such a
     * request waits for the new answer as any other.
     */
    @WithDefault("true")
    boolean olderAnswers();

    /** The most answers kept; the least recently used go first. */
    @WithDefault("2000")
    int maxEntries();

    /** The most memory the answers kept may take, by estimate; an answer larger than this is not kept. */
    @WithDefault("64M")
    MemorySize maxMemory();
}
