package io.tributary.local;

import java.nio.file.Path;

/** The four services of the suite, each a packaged Quarkus application in its own Maven module. */
public enum TributaryService {

    REQUIREMENTS("requirements-service", "384m"),
    INGESTION("ingestion-service", "384m"),
    /**
     * The transform holds a poll of prepared records while its consumer fetches and prepares the next ones: with
     * 384 MB, a million-row batch cost it 27 full collections and 9.4 s of pauses.
     */
    TRANSFORM("transform-service", "1g"),
    SERVING("serving-service", "384m");

    private final String module;
    private final String maxHeap;

    TributaryService(String module, String maxHeap) {
        this.module = module;
        this.maxHeap = maxHeap;
    }

    /** The Maven module, also the name used in log files and messages. */
    public String module() {
        return module;
    }

    /** The most heap the local suite gives the service, as {@code -Xmx} takes it. */
    public String maxHeap() {
        return maxHeap;
    }

    /** Where the packaged application is after {@code ./mvnw package} of its module. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
