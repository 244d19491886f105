package io.tributary.requirements.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The ODCS v3.1.0 JSON Schema as published, read from {@code ../shared/standards} beside the checkout (the
 * {@code tributary.root} system property, else the parent of this module's directory); a test using it is skipped
 * when it is absent.
 */
public final class OdcsSchema {

    private OdcsSchema() {
    }

    /** Every way the document breaks the schema; empty when it is valid. */
    public static List<String> problems(JsonNode document) throws IOException {
        String root = System.getProperty("tributary.root");
        Path checkout = root != null && !root.isBlank() && !root.contains("${")
                ? Path.of(root)
                : Path.of("").toAbsolutePath().getParent();
        Path file = checkout.resolve("../shared/standards/odcs-json-schema-v3.1.0.json").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(file), "the ODCS schema " + file + " is absent");
        try (InputStream in = Files.newInputStream(file)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
            return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
        }
    }
}
