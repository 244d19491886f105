package io.tributary.requirements.requirement;

import java.util.regex.Pattern;

/** What an objective is measured on, each with the names it may have (those of the service that owns it). */
public enum TargetType {
    DATASET("dataset", Pattern.compile("[a-z][a-z0-9_]{0,62}"), "a lower-case letter, then up to 62 lower-case "
            + "letters, digits or underscores"),
    SOURCE("source", Pattern.compile("[a-z0-9][a-z0-9_-]{0,127}"), "a lower-case letter or digit, then up to 127 "
            + "lower-case letters, digits, underscores or hyphens"),
    PIPELINE("pipeline", Pattern.compile("[a-z][a-z0-9_]{0,47}"), "a lower-case letter, then up to 47 lower-case "
            + "letters, digits or underscores"),
    SERVING("serving query", Pattern.compile("/api/(metrics|features)/[a-z][a-z0-9_]{0,47}([/?][\\x21-\\x7e]{0,400})?"),
            "a serving path such as /api/metrics/sales?groupBy=region or /api/features/sales/...");

    private final String word;
    private final Pattern names;
    private final String rule;

    TargetType(String word, Pattern names, String rule) {
        this.word = word;
        this.names = names;
        this.rule = rule;
    }

    public String word() {
        return word;
    }

    public boolean accepts(String name) {
        return name != null && names.matcher(name).matches();
    }

    public String rule() {
        return rule;
    }
}
