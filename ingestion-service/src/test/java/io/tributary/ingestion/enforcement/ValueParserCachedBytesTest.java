package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.LogicalType;

/** A temporal value read from bytes is found in the cache as the plain look-up by the bytes' hash finds it. */
class ValueParserCachedBytesTest {

    @Test
    void findsWhatThePlainLookUpFinds() {
        ValueParser parser = new ValueParser(new ContractProperty("day", "Day", LogicalType.DATE, false, false, 0,
                Map.of("format", "M/d/yyyy")), ZoneId.of("UTC"));
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            // texts repeat row after row, now and then one of a few others, some never parsed, some not dates
            String text = switch (random.nextInt(6)) {
                case 0, 1, 2 -> "1/1/2018";
                case 3 -> (1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28)) + "/2018";
                case 4 -> "2/" + (1 + random.nextInt(28)) + "/1999";
                default -> random.nextBoolean() ? "13/1/2018" : "x";
            };
            if (random.nextInt(3) > 0) {
                try {
                    parser.parse(text);
                } catch (IllegalArgumentException e) {
                    // not a date: never cached
                }
            }
            byte[] row = ("12," + text + ",z").getBytes(StandardCharsets.US_ASCII);
            int to = 3 + text.length();
            assertSame(parser.plainCachedOutputBytes(row, 3, to), parser.cachedOutputBytes(row, 3, to), text);
        }
    }
}
