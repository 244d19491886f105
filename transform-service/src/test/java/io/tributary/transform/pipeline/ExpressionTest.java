package io.tributary.transform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An expression reads a row and cannot exhaust the service on its values, whatever they hold. */
class ExpressionTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Map<String, Object> ROW = Map.of("note", "a".repeat(100_000) + "!", "region", "East",
            "amount", new BigDecimal("12.50"), "n", 3L);

    @Test
    void evaluatesWhatARowNeeds() {
        assertEquals(0, new BigDecimal("25").compareTo((BigDecimal) Expression.compile("amount * 2").evaluate(ROW)));
        assertEquals("EAST", Expression.compile("region.toUpperCase()").evaluate(ROW));
        assertEquals(true, Expression.compile("region =~ ['East', 'West']").evaluate(ROW));
        assertEquals(false, Expression.compile("region !~ ['East', 'West']").evaluate(ROW));
        assertEquals(true, Expression.compile("region =^ 'Ea'").evaluate(ROW));
        assertEquals(100_001, Expression.compile("note.length()").evaluate(ROW));
    }

    @Test
    void refusesBracesNestedDeeperThanTheParserCanReadQuickly() {
        String deep = "{".repeat(16) + "x";
        IllegalArgumentException e = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(IllegalArgumentException.class, () -> Expression.compile(deep)));
        assertTrue(e.getMessage().contains("braces are nested deeper than 4 levels"), e.getMessage());
        assertEquals(true, Expression.compile("region =~ [{'East'}, {'West'}] || true").evaluate(ROW));
    }

    @Test
    void countsBracesOutsideQuotedTextOnly() {
        assertEquals(0, Expression.braceDepth("'{{{{{' + \"{{{\\\"{{\" + `{{{`"));
        assertEquals(2, Expression.braceDepth("{1, {2}} + '{'"));
        assertEquals(1, Expression.braceDepth("}}{"));
    }

    @Test
    void repeatingAStringTwoBillionTimesFailsTheRowAtOnce() {
        IllegalArgumentException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(IllegalArgumentException.class,
                () -> Expression.compile("region.repeat(2000000000)").evaluate(ROW)));
        assertTrue(e.getMessage().contains("repeat"), e.getMessage());
    }

    @Test
    void runsNoRegularExpressionOnARowsText() {
        for (String regex : new String[]{"note =~ '(a+)+$'", "note !~ '(a|aa)+$'", "note.matches('(a+)+$')",
                "note.replaceAll('(a+)+$', '')", "note.replaceFirst('(a+)+b', '')", "note.split('(a+)+b')"}) {
            IllegalArgumentException e = assertTimeoutPreemptively(BOUND,
                    () -> assertThrows(IllegalArgumentException.class, () -> Expression.compile(regex).evaluate(ROW)),
                    regex);
            assertTrue(e.getMessage().startsWith("'" + regex + "' failed: "), e.getMessage());
        }
    }

    @Test
    void callsNoMethodWhoseCostAValueMakesUnbounded() {
        for (String unbounded : new String[]{"amount.pow(999999999)", "amount.scaleByPowerOfTen(2000000000)",
                "amount.setScale(2000000000)", "amount.movePointRight(2000000000)", "'%2000000000d'.formatted(n)",
                "note.indent(2000000000)"}) {
            assertTimeoutPreemptively(BOUND, () -> assertThrows(IllegalArgumentException.class,
                    () -> Expression.compile(unbounded).evaluate(ROW)), unbounded);
        }
    }

    @Test
    void anEvaluationPastItsTimeLimitFailsItsRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expression.compile("region + region").evaluate(ROW, Duration.ofNanos(-1)));
        assertTrue(e.getMessage().endsWith("one evaluation took longer than 0 ms, the time limit of an expression"),
                e.getMessage());
        assertEquals("EastEast", Expression.compile("region + region").evaluate(ROW, Duration.ofSeconds(1)));
    }

    @Test
    void aRowWhoseThreadOnlyWaitedPastTheTimeLimitIsNotFailed() {
        Map<String, Object> slowRow = new HashMap<>(ROW) {
            @Override
            public Object get(Object key) {
                try {
                    // the thread waits, as on a busy machine: time passes on the clock, not in the thread's CPU time
                    Thread.sleep(60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.get(key);
            }
        };

        assertEquals("EastEast", Expression.compile("region + region").evaluate(slowRow, Duration.ofMillis(20)));
    }
}
