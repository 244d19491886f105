package io.tributary.transform.registry;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The datasets that some declared pipeline reads, as the registry last loaded them. Records of any other dataset can be
 * passed over without being decoded. Unknown until the registry has loaded the catalog: until then nothing is passed
 * over.
 */
@ApplicationScoped
public class ReadDatasets {

    private volatile Set<String> read;

    public void publish(Set<String> datasets) {
        read = Set.copyOf(datasets);
    }

    /** The datasets some declared pipeline reads; empty until the registry has loaded the catalog. */
    public Optional<Set<String>> known() {
        return Optional.ofNullable(read);
    }

    /** Whether no declared pipeline reads this dataset, as far as is known. */
    public boolean passesOver(String dataset) {
        Set<String> known = read;
        return known != null && !known.contains(dataset);
    }
}
