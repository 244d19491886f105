package io.tributary.ingestion.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity.Format;

class UploadTypesTest {

    @Test
    void takesWhatAUserWouldSendForTheFormat() {
        assertNull(UploadTypes.refusal(Format.CSV, "text/csv; charset=UTF-8", null));
        assertNull(UploadTypes.refusal(Format.CSV, "application/vnd.ms-excel", null), "a browser's .csv on Windows");
        assertNull(UploadTypes.refusal(Format.JSON, "application/json", null));
        assertNull(UploadTypes.refusal(Format.JSON, "application/vnd.shop.orders+json", null));
        assertNull(UploadTypes.refusal(Format.NDJSON, "application/x-ndjson", null));
        assertNull(UploadTypes.refusal(Format.NDJSON, "Application/JSON", null), "lines of JSON are often sent so");
    }

    @Test
    void takesTypesThatSayNothingOfTheFormatAndGzip() {
        for (Format format : Format.values()) {
            assertNull(UploadTypes.refusal(format, null, null));
            assertNull(UploadTypes.refusal(format, "application/octet-stream", null));
            assertNull(UploadTypes.refusal(format, "application/gzip", null));
            assertNull(UploadTypes.refusal(format, "text/plain", "gzip"));
        }
        assertTrue(UploadTypes.gzip("text/csv", "gzip"));
        assertTrue(UploadTypes.gzip("application/x-gzip", null));
        assertFalse(UploadTypes.gzip("text/csv", null));
    }

    @Test
    void refusesTypeThatSaysTheBodyIsOfAnotherFormat() {
        assertEquals("Content-Type 'application/json' is not CSV", UploadTypes.refusal(Format.CSV, "application/json",
                null));
        assertEquals("Content-Type 'text/csv' is not NDJSON", UploadTypes.refusal(Format.NDJSON, "text/csv", null));
        assertEquals("Content-Type 'application/x-ndjson' is not JSON",
                UploadTypes.refusal(Format.JSON, "application/x-ndjson", null));
        assertTrue(UploadTypes.refusal(Format.CSV, "application/x-www-form-urlencoded", null)
                .contains("-H 'Content-Type: text/csv'"));
        assertTrue(UploadTypes.refusal(Format.CSV, "text/csv", "br").contains("Content-Encoding 'br'"));
    }

    @Test
    void namesAnUnnamedUploadWithTheFormatsExtension() {
        assertEquals("upload.csv", UploadTypes.defaultName(Format.CSV, false));
        assertEquals("upload.ndjson.gz", UploadTypes.defaultName(Format.NDJSON, true));
    }
}
