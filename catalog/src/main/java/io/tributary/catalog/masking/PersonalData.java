package io.tributary.catalog.masking;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.security.Roles;

/**
 * Which values are personal, and who may see them (decision 0037). A contract property whose ODCS
 * {@code classification} is one of {@link #CLASSIFICATIONS} holds personal data: its values, and every value computed
 * from them, are {@link Masking masked} in what the services answer to a person whose roles are not among
 * {@link #UNMASKED_ROLES}.
 */
public final class PersonalData {

    /** The classifications whose values are masked, compared without regard to case. */
    public static final Set<String> CLASSIFICATIONS = Set.of("personal", "restricted");

    /**
     * The roles that see personal values as they are: those who run the platform and those who own and repair its
     * data. An analyst reads metrics, exports, lineage and quarantine without them.
     */
    public static final List<String> UNMASKED_ROLES = List.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER);

    private PersonalData() {
    }

    /** Whether a property of this classification holds personal data. */
    public static boolean isPersonal(String classification) {
        return classification != null && CLASSIFICATIONS.contains(classification.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether someone holding these roles sees personal values unmasked: one of them is in {@link #UNMASKED_ROLES}. */
    public static boolean seenBy(Collection<String> roles) {
        return roles.stream().anyMatch(UNMASKED_ROLES::contains);
    }

    /** The names of the contract's properties that hold personal data, nested ones by their path. */
    public static Set<String> properties(DataContract contract) {
        Set<String> names = new LinkedHashSet<>();
        for (ContractProperty property : contract.properties()) {
            if (isPersonal(property.classification())) {
                names.add(property.name());
            }
        }
        return names;
    }

    /**
     * The names a personal property's value may be found under in a record's text as it came or as the records carry
     * it: its name and its source name, each whole and by its last part ({@code email} for {@code customer.email}), so
     * that a JSON document, nested or flattened, an item of an exploded array, and a header with aliases are all
     * covered. A field of another property that shares one of these names is masked too: masking more is the safe
     * side.
     */
    public static Set<String> fieldNames(DataContract contract) {
        Set<String> names = new LinkedHashSet<>();
        for (ContractProperty property : contract.properties()) {
            if (isPersonal(property.classification())) {
                for (String name : List.of(property.name(), property.sourceName())) {
                    names.add(name);
                    names.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
        }
        return names;
    }
}
