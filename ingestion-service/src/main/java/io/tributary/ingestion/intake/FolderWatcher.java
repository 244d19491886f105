package io.tributary.ingestion.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.Leases;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.source.SourceService;

/**
 * Watches the drop folders of sources. A file is taken once its size and modification time have stayed the same for
 * the quiet period (it is no longer being written): it goes to the landing archive as a batch, like an upload, and
 * then moves to the folder's {@code archive/}; a file that cannot be taken moves to {@code failed/} with a
 * {@code .error} note beside it. Hidden files and {@code .part}/{@code .tmp} files are left alone. Every instance
 * watches the folders; the one that holds a file's lease takes it (decision 33).
 */
@ApplicationScoped
public class FolderWatcher {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private record Seen(long size, long modified, long since) {
    }

    private final SourceService sources;
    private final IntakeService intake;
    private final IngestionConfig config;
    private final Leases leases;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    /** The sources whose drop folder was refused, so that each is logged once and not at every scan. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drop-folder-scan");
        thread.setDaemon(true);
        return thread;
    });

    public FolderWatcher(SourceService sources, IntakeService intake, IngestionConfig config, Leases leases) {
        this.sources = sources;
        this.intake = intake;
        this.config = config;
        this.leases = leases;
    }

    void start(@Observes StartupEvent startup) {
        long interval = config.folderScanInterval().toMillis();
        scanner.scheduleWithFixedDelay(this::scan, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scanner.shutdownNow();
    }

    /**
     * Scans every watched folder. Whatever one source's scan throws, an {@link Error} included, is logged and the
     * other sources are scanned all the same; nothing escapes, since a scheduled task that throws is never run again.
     */
    void scan() {
        List<SourceEntity> watching;
        try {
            watching = sources.watching();
        } catch (Throwable e) {
            LOG.errorf(e, "the sources to watch could not be read; trying again at the next scan");
            return;
        }
        for (SourceEntity source : watching) {
            try {
                Optional<Path> folder = sources.dropFolder(source);
                if (folder.isPresent()) {
                    refused.remove(source.name);
                    scan(source.name, folder.get());
                } else if (refused.add(source.name)) {
                    LOG.warnf("drop folder '%s' of source %s is not under the drop root (or leads out of it); it is "
                            + "not read", source.dropFolder, source.name);
                }
            } catch (Throwable e) {
                LOG.errorf(e, "scanning the drop folder of source %s failed; the other sources go on, and it is "
                        + "scanned again at the next scan", source.name);
            }
        }
    }

    private void scan(String source, Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(FolderWatcher::candidate).toList()) {
                if (quiet(file)) {
                    take(source, folder, file);
                }
            }
        } catch (IOException e) {
            LOG.warnf("drop folder %s of source %s cannot be read: %s", folder, source, e.getMessage());
        }
    }

    private static boolean candidate(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
    }

    /** Whether the file has not changed for the quiet period; remembers what it saw to tell next time. */
    private boolean quiet(Path file) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        long time = System.nanoTime();
        Seen before = seen.get(file);
        if (before == null || before.size() != now.size() || before.modified() != now.lastModifiedTime().toMillis()) {
            seen.put(file, new Seen(now.size(), now.lastModifiedTime().toMillis(), time));
            return false;
        }
        return Duration.ofNanos(time - before.since()).compareTo(config.folderQuietPeriod()) >= 0;
    }

    /** Takes the file unless another instance is taking it or has taken it (it is gone from the folder). */
    private void take(String source, Path folder, Path file) {
        seen.remove(file);
        Optional<Lease> lease = leases.acquire(Lease.Kind.FOLDER_FILE, source + "/" + file.getFileName());
        if (lease.isEmpty()) {
            return;
        }
        try {
            if (Files.exists(file)) {
                takeHeld(source, folder, file);
            }
        } finally {
            leases.release(lease.get());
        }
    }

    private void takeHeld(String source, Path folder, Path file) {
        try {
            try (InputStream in = Files.newInputStream(file)) {
                IntakeService.Intake taken = intake.receiveFile(source, file.getFileName().toString(),
                        IntakeService.Upload.UNTYPED, in, false);
                LOG.infof("took %s for source %s as batch %s%s", file, source, taken.batch().id,
                        taken.alreadyReceived() ? " (same content as before)" : "");
            }
            moveTo(folder.resolve("archive"), file);
        } catch (Throwable e) {
            // an Error too (a file that exhausts memory, say): the file is set aside, the scan goes on
            LOG.warnf(e, "could not take %s for source %s", file, source);
            try {
                Path failed = moveTo(folder.resolve("failed"), file);
                Files.writeString(failed.resolveSibling(failed.getFileName() + ".error"), reason(e),
                        StandardCharsets.UTF_8);
            } catch (IOException moveFailed) {
                LOG.errorf(moveFailed, "could not move %s out of the drop folder", file);
            }
        }
    }

    private static String reason(Throwable e) {
        return e instanceof IOException || e instanceof RuntimeException
                ? String.valueOf(e.getMessage())
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Moves the file into the folder, never over another: a taken name gets a time prefix. */
    private static Path moveTo(Path folder, Path file) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = folder.resolve(System.currentTimeMillis() + "-" + file.getFileName());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

}
