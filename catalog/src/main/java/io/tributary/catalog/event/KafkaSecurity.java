package io.tributary.catalog.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a Kafka client of ours proves who it is (decision 0048). The messaging channels take the whole Kafka
 * configuration ({@code kafka.*}, or {@code KAFKA_*} variables); a client built by hand takes its connection's security
 * from there with {@link #of}, so that it signs in as its service does, with the same principal.
 */
public final class KafkaSecurity {

    private static final List<String> PREFIXES = List.of("security.", "sasl.", "ssl.");

    private KafkaSecurity() {
    }

    /**
     * The security settings among a Kafka configuration ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}),
     * without those left empty; none where the broker is reached in plain text.
     */
    public static Map<String, Object> of(Map<String, ?> kafka) {
        Map<String, Object> security = new LinkedHashMap<>();
        kafka.forEach((key, value) -> {
            if (PREFIXES.stream().anyMatch(key::startsWith) && value != null && !value.toString().isBlank()) {
                security.put(key, value);
            }
        });
        return security;
    }
}
