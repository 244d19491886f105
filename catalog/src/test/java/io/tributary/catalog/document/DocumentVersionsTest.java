package io.tributary.catalog.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.document.DocumentVersions.Change;
import io.tributary.catalog.document.DocumentVersions.NewVersion;
import io.tributary.catalog.document.DocumentVersions.Unchanged;

class DocumentVersionsTest {

    private static final String YAML = "application/yaml";
    private static final String JSON = "application/json";
    private static final String PIPELINE = """
            # the sales pipeline
            name: sales
            dataset: sales
            steps:
              - derive: {net: "sales - discount", margin: "net / sales"}
            """;

    private record Version(int versionNumber, String sentText, String sentMediaType) implements VersionedDocument {
    }

    private static SentDocument sent(String text, String mediaType) {
        return SentDocument.read(text, mediaType, "pipeline", problems -> new IllegalArgumentException(
                String.join("; ", problems)));
    }

    private static Change<Version> decide(Version current, String text, String mediaType) {
        return DocumentVersions.decide(Optional.ofNullable(current), sent(text, mediaType));
    }

    @Test
    void theFirstDocumentIsVersionOne() {
        assertEquals(new NewVersion<Version>(1), decide(null, PIPELINE, YAML));
    }

    @Test
    void theSameDocumentLaidOutOtherwiseIsUnchanged() {
        Version current = new Version(3, PIPELINE, YAML);
        String relaidOut = """
                name: "sales"
                dataset:   sales   # the dataset
                steps:
                - derive:
                    net: sales - discount
                    margin: 'net / sales'
                """;
        String asJson = "{\"name\":\"sales\",\"dataset\":\"sales\",\"steps\":[{\"derive\":"
                + "{\"net\":\"sales - discount\",\"margin\":\"net / sales\"}}]}";

        assertSame(current, ((Unchanged<Version>) decide(current, PIPELINE, YAML)).current());
        assertSame(current, ((Unchanged<Version>) decide(current, relaidOut, YAML)).current());
        assertSame(current, ((Unchanged<Version>) decide(current, asJson, JSON)).current());
        assertSame(current, ((Unchanged<Version>) decide(current, asJson, "application/json; charset=UTF-8"))
                .current());
    }

    @Test
    void aChangedValueIsTheNextVersion() {
        Version current = new Version(3, PIPELINE, YAML);
        assertEquals(new NewVersion<Version>(4), decide(current, PIPELINE.replace("discount", "tax"), YAML));
    }

    @Test
    void keysInAnotherOrderAreTheNextVersionSinceStepsAndDerivedFieldsAreReadInOrder() {
        Version current = new Version(3, PIPELINE, YAML);
        String reordered = PIPELINE.replace("net: \"sales - discount\", margin: \"net / sales\"",
                "margin: \"net / sales\", net: \"sales - discount\"");
        assertEquals(new NewVersion<Version>(4), decide(current, reordered, YAML));
        String topLevelReordered = "dataset: sales\nname: sales\nsteps:\n"
                + "  - derive: {net: \"sales - discount\", margin: \"net / sales\"}\n";
        assertEquals(new NewVersion<Version>(4), decide(current, topLevelReordered, YAML));
    }

    @Test
    void aDecimalWrittenWithTrailingZerosIsTheSameValue() {
        Version current = new Version(1, "{\"threshold\":0.1}", JSON);
        assertEquals(Unchanged.class, decide(current, "{\"threshold\":0.10}", JSON).getClass());
        assertEquals(Unchanged.class, decide(current, "threshold: 0.1\n", YAML).getClass());
        assertEquals(new NewVersion<Version>(2), decide(current, "{\"threshold\":0.11}", JSON));
        assertEquals(new NewVersion<Version>(2), decide(current, "{\"threshold\":\"0.1\"}", JSON));
    }

    @Test
    void keepsTheTextAsSentAndAnswersInEitherSyntax() {
        SentDocument yaml = sent(PIPELINE, "application/yaml; charset=UTF-8");
        assertEquals(PIPELINE, yaml.text());
        assertEquals("application/yaml", yaml.mediaType());
        assertEquals(PIPELINE, yaml.textIn(DocumentFormat.YAML));
        assertEquals("{\"name\":\"sales\",\"dataset\":\"sales\",\"steps\":[{\"derive\":"
                + "{\"net\":\"sales - discount\",\"margin\":\"net / sales\"}}]}", yaml.textIn(DocumentFormat.JSON));
    }

    @Test
    void refusesTextThatCannotBeStored() {
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> sent("{\"name\":\"sa\\u0000les\"}", JSON));
        assertEquals("$.name: the value contains U+0000, which cannot be stored", nul.getMessage());
    }

    @Test
    void readsAStoredVersionByItsMediaType() {
        SentDocument stored = SentDocument.of(new Version(2, PIPELINE, YAML));
        assertEquals(List.of("name", "dataset", "steps"), fieldNames(stored));
        assertEquals(DocumentFormat.YAML, stored.format());
    }

    private static List<String> fieldNames(SentDocument document) {
        List<String> names = new java.util.ArrayList<>();
        document.tree().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
