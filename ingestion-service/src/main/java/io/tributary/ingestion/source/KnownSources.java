package io.tributary.ingestion.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sources that push events, kept as last read ({@link KnownSource}) instead of read by name for every push. A
 * push checks the kept version against the catalog's in the transaction that records its batch
 * ({@code BatchStore.recordStarted}); when another instance changed the source meanwhile, the push reads it again
 * here and goes on with it, so a change is seen by the next push wherever it was made (decision 57).
 */
@ApplicationScoped
public class KnownSources {

    /** How many sources are kept at most; past it, they are read again. */
    private static final int MOST = 10_000;

    private final SourceService sources;
    private final Map<String, KnownSource> known = new ConcurrentHashMap<>();

    public KnownSources(SourceService sources) {
        this.sources = sources;
    }

    /**
     * The source as last read, read now if it never was.
     *
     * @throws io.tributary.catalog.problem.ProblemException 404 when there is no such source
     */
    public KnownSource get(String name) {
        KnownSource kept = known.get(name);
        return kept != null ? kept : read(name);
    }

    /** The source read from the catalog now, kept for the next pushes; after a change, or when never read. */
    public KnownSource read(String name) {
        known.remove(name);
        KnownSource read = sources.known(name);
        if (known.size() >= MOST) {
            known.clear();
        }
        known.put(name, read);
        return read;
    }
}
