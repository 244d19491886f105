package io.tributary.ingestion.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseLostException;
import io.tributary.catalog.lease.Leases;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.ingestion.batch.BatchProcessor;
import io.tributary.ingestion.batch.BatchStore;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.parsing.BodyProblems;
import io.tributary.ingestion.parsing.JsonShape;
import io.tributary.ingestion.parsing.ReadLimits;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.source.KnownSource;
import io.tributary.ingestion.source.KnownSources;
import io.tributary.ingestion.source.SourceService;

/**
 * Takes events that a source system pushes over HTTP (one JSON object, an array of them, or NDJSON). The body is
 * kept in the landing archive like a file, then processed at once: the call returns only when every event is accepted
 * and in Kafka, quarantined with its reason, or counted as a duplicate, so an acknowledged event is never lost. A
 * body that is not JSON (or NDJSON) where it should be is refused whole with where and why ({@link BodyProblems}), and
 * no batch is made of it: its sender can send it again, mended. When Kafka does not take the events, the call fails
 * with a 503 problem that says when to send it again, and its batch is set aside, so nothing of it is published later
 * behind the caller's back. The batch is leased to this call from the moment it is recorded (decision 33): no other
 * instance takes it up, unless this one dies before it has answered (then the push may be processed without the caller
 * knowing; sent again, its events are taken once downstream, as their identity is the same). A body larger than
 * {@code tributary.ingestion.limits.event-size} is refused with 413, and a push past the source's
 * {@code tributary.ingestion.limits.concurrent-pushes} with 429 and Retry-After (counted per instance). The source is
 * the one kept from earlier pushes, checked against the catalog's when the batch is recorded ({@link KnownSources}).
 */
@ApplicationScoped
public class EventIntakeService {

    private static final Logger LOG = Logger.getLogger(EventIntakeService.class);

    private final KnownSources sources;
    private final LandingArchive archive;
    private final BatchStore batches;
    private final BatchProcessor processor;
    private final Leases leases;
    private final Duration retryAfter;
    private final LandingArchive.SizeLimit eventSize;
    private final PushSlots slots;
    private final ReadLimits limits;

    public EventIntakeService(KnownSources sources, LandingArchive archive, BatchStore batches,
            BatchProcessor processor, Leases leases, IngestionConfig config, ReadLimits limits) {
        this.sources = sources;
        this.archive = archive;
        this.batches = batches;
        this.processor = processor;
        this.leases = leases;
        this.retryAfter = config.retryDelay();
        this.eventSize = new LandingArchive.SizeLimit("tributary.ingestion.limits.event-size",
                config.limits().eventSize().asLongValue());
        this.slots = new PushSlots(config.limits().concurrentPushes());
        this.limits = limits;
    }

    /** The processed push's batch: completed, or failed with the reason when Kafka refuses its records for good. */
    public BatchEntity receive(String sourceName, InputStream body) {
        KnownSource known = sources.get(sourceName);
        if (!takesEvents(known.source())) {
            // a push is refused on the source as the catalog has it now, never as it was kept
            known = sources.read(sourceName);
        }
        SourceEntity source = known.source();
        checkTakesEvents(source);
        if (!slots.tryTake(source.name)) {
            throw new ProblemException(Response.Status.TOO_MANY_REQUESTS,
                    "source '" + source.name + "' has as many pushes in progress as it may: send this one when one "
                            + "of them is answered",
                    List.of("tributary.ingestion.limits.concurrent-pushes: " + slots.perSource()))
                    .header(HttpHeaders.RETRY_AFTER, 1);
        }
        try {
            return receive(known, body);
        } finally {
            slots.release(source.name);
        }
    }

    private static boolean takesEvents(SourceEntity source) {
        return source.enabled && source.format != SourceEntity.Format.CSV;
    }

    private static void checkTakesEvents(SourceEntity source) {
        if (!source.enabled) {
            throw SourceService.disabled(source.name);
        }
        if (source.format == SourceEntity.Format.CSV) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "this source takes no events",
                    List.of("source '" + source.name + "' takes CSV files; events are JSON: register a source with "
                            + "format JSON or NDJSON for them"));
        }
    }

    private BatchEntity receive(KnownSource known, InputStream body) {
        UUID id = UUID.randomUUID();
        LandingArchive.StoredFile stored = archive.store(known.source().name, id, fileName(known.source()), body,
                eventSize);
        Optional<BatchStore.StartedPush> started = Optional.empty();
        BodyProblems.Body read = null;
        while (started.isEmpty()) {
            SourceEntity source = known.source();
            read = read(source, stored);
            if (!read.problems().isEmpty()) {
                // refused on the source as the catalog has it now: read as another instance may have changed it
                KnownSource now = changed(source.name, stored);
                if (now.version() != known.version()) {
                    known = now;
                    continue;
                }
                archive.discard(stored);
                throw new ProblemException(Response.Status.BAD_REQUEST,
                        "the body is not " + source.format.name() + ": nothing of it was taken", read.problems());
            }
            KnownSource checked = known;
            started = QuarkusTransaction.requiringNew()
                    .call(() -> batches.recordStarted(id, checked, fileName(source), stored));
            if (started.isEmpty()) {
                // another instance changed the source since it was read: the push goes on with it as it is now
                known = changed(source.name, stored);
            }
        }
        BatchStore.StartedPush push = started.get();
        Lease lease = push.lease();
        try {
            if (processor.processPush(push, read.records()) == BatchProcessor.Next.RETRY_LATER) {
                processor.fail(id, lease, "Kafka did not take every event; nothing of this call was acknowledged: "
                        + "send it again");
                long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
                throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                        "Kafka is unavailable, so none of these events was acknowledged: send them again later",
                        List.of("batch " + id + " recorded the call and was set aside as FAILED; retry after "
                                + seconds + " s"))
                        .header(HttpHeaders.RETRY_AFTER, seconds)
                        .header(HttpHeaders.LOCATION, URI.create("/api/batches/" + id));
            }
        } catch (LeaseLostException e) {
            // the call outlived its lease (a long pause) and another holder took the batch over: that holder
            // finishes it, from the stored body, and the answer says where to follow it
            LOG.warnf("push %s goes on elsewhere: %s", id, e.getMessage());
        } finally {
            leases.release(lease);
        }
        return QuarkusTransaction.requiringNew().call(() -> batches.get(id));
    }

    /**
     * The source read again after another instance changed it. A push it no longer takes is refused (nothing of it
     * was taken), as it would have been had it come after the change.
     */
    private KnownSource changed(String sourceName, LandingArchive.StoredFile stored) {
        try {
            KnownSource now = sources.read(sourceName);
            checkTakesEvents(now.source());
            return now;
        } catch (ProblemException e) {
            archive.discard(stored);
            throw e;
        }
    }

    private static String fileName(SourceEntity source) {
        return "events." + source.format.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stored body read once: where and why it is not events of the source's format (none when it is), and its
     * records, flattened, when they are few enough for its processing to take them rather than read the body again.
     */
    private BodyProblems.Body read(SourceEntity source, LandingArchive.StoredFile stored) {
        try (RecordReader reader = RecordReaders.open(source.format, source.options, JsonShape.FLAT, limits,
                Files.newInputStream(stored.path()))) {
            return BodyProblems.read(reader, BatchProcessor.SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored body of the push again", e);
        }
    }
}
