package io.tributary.ingestion.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which Kafka topics a source may read: those a configured pattern allows, and never one of Tributary's own topics
 * (their names begin with {@value #OWN_PREFIX}), which carry other sources' accepted records and the alerts.
 */
public final class SourceTopics {

    /** The beginning of the name of every topic Tributary writes. */
    public static final String OWN_PREFIX = "tributary-";

    private SourceTopics() {
    }

    /** What is wrong with reading this topic, each as "topic: what"; empty when a source may read it. */
    public static List<String> problems(String topic, List<Pattern> allowed) {
        if (topic.startsWith(OWN_PREFIX)) {
            return List.of("topic: '" + topic + "' is one of Tributary's own topics (" + OWN_PREFIX + "*); a source "
                    + "reads the topics its system publishes to");
        }
        if (allowed.stream().noneMatch(pattern -> pattern.matcher(topic).matches())) {
            return List.of("topic: '" + topic + "' is not one of the topics sources may read (" + String.join(", ",
                    allowed.stream().map(Pattern::pattern).toList()) + ")");
        }
        return List.of();
    }
}
