package io.tributary.requirements.requirement;

import java.util.regex.Pattern;

import io.tributary.catalog.name.DatasetName;
import io.tributary.catalog.name.NameRule;
import io.tributary.catalog.name.PipelineName;
import io.tributary.catalog.name.SourceName;

/** What an objective is measured on, each with the names it may have (those of the service that owns it). */
public enum TargetType {
    DATASET(DatasetName.RULE),
    SOURCE(SourceName.RULE),
    PIPELINE(PipelineName.RULE),
    SERVING(new NameRule("serving query", Pattern.compile("/api/(metrics|features)/" + PipelineName.RULE.pattern()
            + "([/?][\\x21-\\x7e]{0,400})?"),
            "a serving path such as /api/metrics/sales?groupBy=region or /api/features/sales/..."));

    private final NameRule names;

    TargetType(NameRule names) {
        this.names = names;
    }

    public String word() {
        return names.kind();
    }

    public boolean accepts(String name) {
        return names.accepts(name);
    }

    /** "'Sales!' is not a pipeline name: ..." */
    public String refusal(String name) {
        return names.refusal(name);
    }
}
