package io.tributary.generator;

public enum DumpFormat {
    CSV("csv", new CsvEncoder()),
    NDJSON("ndjson", new NdjsonEncoder());

    private final String extension;
    private final LineEncoder encoder;

    DumpFormat(String extension, LineEncoder encoder) {
        this.extension = extension;
        this.encoder = encoder;
    }

    public String extension() {
        return extension;
    }

    LineEncoder encoder() {
        return encoder;
    }
}
