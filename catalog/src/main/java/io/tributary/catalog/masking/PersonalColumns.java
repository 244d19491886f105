package io.tributary.catalog.masking;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The columns of a pipeline's tables whose values are masked for the caller (decision 0037): those computed, in any
 * way, from a field its dataset's contract classifies as personal, or looked up from such a column of a reference
 * pipeline. Aggregate dimensions and the recommender's features are curated columns, so they are covered by name.
 *
 * @param all every column is masked: the pipeline's version was stored before its column lineage was kept, and its
 *        contract holds personal data, so which columns hold it is not known
 * @param names the masked columns
 */
public record PersonalColumns(boolean all, Set<String> names) {

    /** Nothing masked: the caller may see personal data, or the pipeline holds none. */
    public static final PersonalColumns NONE = new PersonalColumns(false, Set.of());

    public PersonalColumns {
        names = Set.copyOf(names);
    }

    public boolean isEmpty() {
        return !all && names.isEmpty();
    }

    public boolean contains(String column) {
        return all || names.contains(column);
    }

    /** The value of the column as the caller may see it. */
    public Object mask(String column, Object value) {
        return contains(column) ? Masking.value(value) : value;
    }

    /** The value of the column as the caller may see it. */
    public String mask(String column, String value) {
        return contains(column) ? Masking.value(value) : value;
    }

    /**
     * The personal columns of a pipeline version.
     *
     * @param lineage for each curated column, the fields it is computed from ({@code reference.column} for a looked-up
     *        column); null when the version did not keep it
     * @param personal the dataset's fields its contract classifies as personal
     * @param fields every field of the dataset's contract, so that a nested field's path is not taken for a lookup
     * @param reference the personal columns of a reference pipeline by its name, or null when there is none
     */
    public static PersonalColumns of(Map<String, List<String>> lineage, Set<String> personal, Set<String> fields,
            Function<String, PersonalColumns> reference) {
        if (lineage == null) {
            return personal.isEmpty() ? NONE : new PersonalColumns(true, Set.of());
        }
        Set<String> names = new TreeSet<>();
        lineage.forEach((column, inputs) -> {
            for (String input : inputs) {
                if (personal.contains(input) || !fields.contains(input) && lookedUpPersonal(input, reference)) {
                    names.add(column);
                }
            }
        });
        return new PersonalColumns(false, names);
    }

    private static boolean lookedUpPersonal(String input, Function<String, PersonalColumns> reference) {
        int dot = input.indexOf('.');
        if (dot < 0) {
            return false;
        }
        PersonalColumns of = reference.apply(input.substring(0, dot));
        return of != null && of.contains(input.substring(dot + 1));
    }
}
