package io.tributary.requirements.requirement;

import java.util.Optional;

/** The dataset, source, pipeline or serving query a requirement's objective is about. */
public record Target(TargetType type, String name) {

    /** The pipeline a serving query reads: the segment after {@code /api/metrics/} or {@code /api/features/}. */
    public Optional<String> servedPipeline() {
        if (type != TargetType.SERVING) {
            return Optional.empty();
        }
        String rest = name.substring(name.indexOf('/', "/api/".length()) + 1);
        int end = rest.length();
        for (char stop : new char[]{'/', '?'}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return Optional.of(rest.substring(0, end));
    }

    /** "pipeline 'sales'". */
    public String words() {
        return type.word() + " '" + name + "'";
    }
}
