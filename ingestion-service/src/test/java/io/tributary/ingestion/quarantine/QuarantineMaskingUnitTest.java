package io.tributary.ingestion.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.ingestion.api.QuarantinedRecordResponse;
import io.tributary.ingestion.parsing.CsvFormat;

class QuarantineMaskingUnitTest {

    private static final Set<String> PERSONAL = Set.of("email", "E-mail");

    private static QuarantinedRecordResponse entry(String stage, String field, String value, String reason,
            String raw) {
        return new QuarantinedRecordResponse(1, UUID.randomUUID(), "customers", 2, null, field, "rule", value, reason,
                raw, stage, null, null, Instant.EPOCH);
    }

    @Test
    void masksTheFieldsOfAPipelinesRecordByName() {
        QuarantinedRecordResponse masked = QuarantineMasking.mask(entry("pipeline:customers", "email", "ann@x",
                "cannot use 'ann@x'", "{\"customer_id\":\"c1\",\"email\":\"ann@x\"}"), PERSONAL, Optional.empty());
        assertEquals("***", masked.value());
        assertEquals("cannot use '***'", masked.reason());
        assertEquals("{\"customer_id\":\"c1\",\"email\":\"***\"}", masked.raw());
    }

    @Test
    void keepsAnEntryAboutAnotherFieldButMasksItsLine() {
        QuarantineMasking.Layout layout = new QuarantineMasking.Layout(3, Set.of(1), new CsvFormat(';', '\''));
        QuarantinedRecordResponse masked = QuarantineMasking.mask(entry("ingestion", "visits", "many",
                "'many' is not an integer", "c1;ann@x;many"), PERSONAL, Optional.of(layout));
        assertEquals("many", masked.value());
        assertEquals("'many' is not an integer", masked.reason());
        assertEquals("c1;***;many", masked.raw());
    }

    @Test
    void masksTheWholeLineOfABatchWithoutAHeader() {
        assertEquals("***", QuarantineMasking.mask(entry("ingestion", null, null, "unreadable", "c1,ann@x"), PERSONAL,
                Optional.empty()).raw());
    }

    @Test
    void masksTheValueAndRawTextWholeWhenTheContractCannotBeRead() {
        QuarantinedRecordResponse masked = QuarantineMasking.mask(entry("ingestion", "visits", "many",
                "'many' is not an integer", "c1,ann@x,many"), QuarantineMasking.UNKNOWN, Optional.empty());
        assertEquals("***", masked.value());
        assertEquals("***", masked.raw());
    }
}
