package io.tributary.requirements.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tributary.requirements.repository.ChangeRepository;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

/**
 * Watches the catalog for changes made by the other services: a new version of a pipeline, a source whose format or
 * options changed, a batch held because its fields drifted from the contract. Each is acted upon once (it is recorded
 * in {@code catalog.observed_change}); a source seen for the first time is only recorded.
 */
@ApplicationScoped
public class ChangeWatcher {

    private static final Logger LOG = Logger.getLogger(ChangeWatcher.class);

    private final ChangeRepository changes;
    private final ChangePropagation propagation;

    public ChangeWatcher(ChangeRepository changes, ChangePropagation propagation) {
        this.changes = changes;
        this.propagation = propagation;
    }

    @Scheduled(every = "${tributary.requirements.changes.interval:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            watch();
        } catch (RuntimeException e) {
            LOG.errorf(e, "looking for changes failed; the next look tries again");
        }
    }

    /** Looks once; the number of changes acted upon. */
    public int watch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            int acted = 0;
            for (ChangeRepository.PipelineVersion version : changes.pipelineVersions()) {
                if (version.version() > 1 && changes.observe("PIPELINE_VERSION", version.name(),
                        Integer.toString(version.version()))) {
                    propagation.propagate(new Change(new Target(TargetType.PIPELINE, version.name()), java.util.Set.of(),
                            version.createdAt(), "pipeline '" + version.name() + "' has a new version "
                                    + version.version()));
                    acted++;
                }
            }
            for (ChangeRepository.SourceFormat source : changes.sourceFormats()) {
                boolean known = changes.observed("SOURCE_FORMAT", source.name());
                if (changes.observe("SOURCE_FORMAT", source.name(), sha256(source.definition())) && known) {
                    propagation.propagate(new Change(new Target(TargetType.SOURCE, source.name()), java.util.Set.of(),
                            source.updatedAt(), "source '" + source.name() + "' changed its format or options"));
                    acted++;
                }
            }
            for (ChangeRepository.HeldDrift drift : changes.heldDrifts()) {
                if (changes.observe("SOURCE_DRIFT", drift.source(), drift.batch())) {
                    propagation.propagate(new Change(new Target(TargetType.SOURCE, drift.source()), java.util.Set.of(),
                            drift.createdAt(), "the data of source '" + drift.source() + "' changed shape (batch "
                                    + drift.batch() + " is held for review: " + drift.reason() + ")"));
                    acted++;
                }
            }
            return acted;
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
