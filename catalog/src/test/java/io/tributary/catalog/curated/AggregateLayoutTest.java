package io.tributary.catalog.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AggregateLayoutTest {

    private final AggregateLayout sales = new AggregateLayout(AggregateLayout.Bucket.DATE,
            List.of("region", "state"), List.of("sales", "profit"));

    @Test
    void laysOutTheBucketTheDimensionsTheMeasuresThenTheBookkeeping() {
        assertEquals(List.of(Map.entry("_bucket", "date"), Map.entry("region", "text"), Map.entry("state", "text"),
                Map.entry("sales", "numeric"), Map.entry("profit", "numeric"), Map.entry("_lines", "bigint"),
                Map.entry("_updated_at", "timestamp with time zone"),
                Map.entry("_restated_at", "timestamp with time zone")), List.copyOf(sales.columns().entrySet()));
        assertEquals(List.of("_bucket", "region", "state"), sales.key());
        assertEquals("timestamp with time zone", new AggregateLayout(AggregateLayout.Bucket.TIMESTAMP, List.of(),
                List.of("amount")).columns().get(AggregateLayout.BUCKET));
    }

    @Test
    void letsOnlyTheRestatementTimeBeNull() {
        assertTrue(AggregateLayout.nullable(AggregateLayout.RESTATED_AT));
        sales.columns().keySet().stream().filter(c -> !c.equals(AggregateLayout.RESTATED_AT))
                .forEach(c -> assertFalse(AggregateLayout.nullable(c), c));
    }

    @Test
    void definesTheTableWithItsColumnsAndKeyQuoted() {
        assertEquals("\"_bucket\" date not null, \"region\" text not null, \"state\" text not null, \"sales\" numeric "
                + "not null, \"profit\" numeric not null, \"_lines\" bigint not null, \"_updated_at\" timestamp with "
                + "time zone not null, \"_restated_at\" timestamp with time zone, primary key (\"_bucket\", \"region\", "
                + "\"state\")", sales.tableDefinition());
    }

    @Test
    void isStoredAsTheJsonTheMigrationWritesForEarlierVersions() {
        String json = "{\"bucket\":\"DATE\",\"dimensions\":[\"region\",\"state\"],\"measures\":[\"sales\",\"profit\"]}";

        assertEquals(json, sales.toJson());
        assertEquals(sales, AggregateLayout.fromJson(json));
        assertEquals(sales, AggregateLayout.fromJson("{\"measures\": [\"sales\", \"profit\"], \"bucket\": \"DATE\", "
                + "\"dimensions\": [\"region\", \"state\"]}"));
    }

    @Test
    void refusesTextThatIsNoLayout() {
        assertThrows(IllegalArgumentException.class, () -> AggregateLayout.fromJson("{\"bucket\":\"WEEK\"}"));
        assertThrows(IllegalArgumentException.class, () -> AggregateLayout.fromJson("not json"));
    }
}
