package io.tributary.transform.curated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.curated.CuratedTables;

/**
 * Whether a pipeline may touch its tables: every name it would create, alter or drop must be unclaimed or its own
 * (decision 0036). A pure decision over the names' owners as the catalog records them.
 */
public final class TableOwnership {

    private TableOwnership() {
    }

    /**
     * Why the pipeline may not use its table names, one problem per name another pipeline owns; empty when it may.
     *
     * @param owners the owner of each of the pipeline's names that has one
     */
    public static List<String> conflicts(String pipeline, Map<String, String> owners) {
        List<String> problems = new ArrayList<>();
        for (String table : CuratedTables.all(pipeline)) {
            String owner = owners.get(table);
            if (owner != null && !owner.equals(pipeline)) {
                problems.add("$.name: table " + CuratedTables.qualified(table) + " belongs to pipeline '" + owner
                        + "'; pipeline '" + pipeline + "' would create, alter or drop it: give it a name whose tables ("
                        + String.join(", ", CuratedTables.all(pipeline)) + ") no other pipeline has");
            }
        }
        return problems;
    }
}
