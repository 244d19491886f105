package io.tributary.local;

import java.nio.file.Path;

/** The four services of the suite, each a packaged Quarkus application in its own Maven module. */
public enum TributaryService {

    REQUIREMENTS("requirements-service"),
    INGESTION("ingestion-service"),
    TRANSFORM("transform-service"),
    SERVING("serving-service");

    private final String module;

    TributaryService(String module) {
        this.module = module;
    }

    /** The Maven module, also the name used in log files and messages. */
    public String module() {
        return module;
    }

    /** Where the packaged application is after {@code ./mvnw package} of its module. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
