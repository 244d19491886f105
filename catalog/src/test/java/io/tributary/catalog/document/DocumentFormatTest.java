package io.tributary.catalog.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentFormatTest {

    /** The exception a service would throw, carrying the problems. */
    private static final class Problems extends RuntimeException {

        final List<String> problems;

        Problems(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = problems;
        }
    }

    @Test
    void readsYamlTypesAsYamlWhateverTheirParameters() {
        assertEquals(DocumentFormat.YAML, DocumentFormat.of("application/yaml; charset=UTF-8"));
        assertEquals(DocumentFormat.YAML, DocumentFormat.of("application/x-yaml"));
        assertEquals(DocumentFormat.YAML, DocumentFormat.of("TEXT/YAML"));
        assertEquals(DocumentFormat.JSON, DocumentFormat.of("application/json"));
        assertEquals("application/yaml", DocumentFormat.typeAndSubtype("Application/YAML;charset=UTF-8"));
    }

    @Test
    void namesTheKindOfAnEmptyDocument() {
        Problems empty = assertThrows(Problems.class, () -> DocumentFormat.YAML.read(" \n", "pipeline", Problems::new));
        assertEquals(List.of("$: the pipeline document is empty"), empty.problems);
        Problems comment = assertThrows(Problems.class,
                () -> DocumentFormat.YAML.read("# nothing\n", "contract", Problems::new));
        assertEquals(List.of("$: the contract document is empty"), comment.problems);
    }

    @Test
    void namesTheLineAndColumnOfASyntaxError() {
        Problems yaml = assertThrows(Problems.class,
                () -> DocumentFormat.YAML.read("a: 1\nb: [unclosed\n", "contract", Problems::new));
        assertTrue(yaml.problems.get(0).startsWith("$: not valid YAML at line "), yaml.problems.get(0));
        Problems json = assertThrows(Problems.class,
                () -> DocumentFormat.JSON.read("{\n  \"a\" 1\n}", "contract", Problems::new));
        assertTrue(json.problems.get(0).startsWith("$: not valid JSON at line 2"), json.problems.get(0));
    }

    @Test
    void refusesARepeatedKey() {
        Problems repeated = assertThrows(Problems.class,
                () -> DocumentFormat.YAML.read("a: 1\na: 2\n", "pipeline", Problems::new));
        assertTrue(repeated.problems.get(0).contains("a"), repeated.problems.get(0));
    }

    @Test
    void keepsDecimalsExactWithoutTrailingZeros() {
        assertEquals("{\"rate\":0.1,\"big\":12345678901234567890.5}",
                DocumentFormat.JSON.write(DocumentFormat.YAML.read("rate: 0.10\nbig: 12345678901234567890.5\n",
                        "contract", Problems::new)));
    }
}
