package io.tributary.transform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The compiled evaluators answer every row as JEXL's interpreter does, or leave it to the interpreter: equal values of
 * equal types (a decimal's scale included), or equal failures.
 */
class CompiledExpressionTest {

    private static final String DEMO = "sales - (discount == null ? 0 : discount) * sales";

    private static final List<String> FIELDS = List.of("a", "b", "c", "s", "t", "f", "g", "n", "d");
    private static final List<String> LITERALS = List.of("0", "1", "2", "7", "-3", "-0", "2147483647", "2147483648",
            "9223372036854775807", "-9223372036854775807", "0.5", "1.25", "100.0", "-0.5", "0.1", "'East'", "\"x\"", "''",
            "'10'", "true", "false", "null");
    private static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&",
            "||", "??");
    private static final List<Object> WHOLES = List.of(0L, 1L, -1L, 2L, 7L, 100L, (long) Integer.MAX_VALUE,
            (long) Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 2 + 1, 3037000500L);
    private static final List<Object> INTS = List.of(0, 1, -1, 3, Integer.MAX_VALUE, Integer.MIN_VALUE, 46341);
    private static final List<Object> DECIMALS = List.of(BigDecimal.ZERO, new BigDecimal("0.00"), BigDecimal.ONE,
            new BigDecimal("-1"), new BigDecimal("12.50"), new BigDecimal("0.1"), new BigDecimal("1E+3"),
            new BigDecimal("0.00000000000000001"), new BigDecimal("0.00000000000000005"),
            new BigDecimal("0.00000000000000015"), new BigDecimal("9.99999999999999995"),
            new BigDecimal("123456789012345678901234567890.123456789"), new BigDecimal("1E+40"), new BigDecimal("-1E+40"),
            new BigDecimal("3"), new BigDecimal("0.3333333333333333"), new BigDecimal("9223372036854775807"),
            new BigDecimal("2.5"));
    private static final List<Object> TEXTS = List.of("", "East", "east", "West", "10", "a'b", "\u00e9t\u00e9", "2.5");
    private static final List<Object> OTHERS = List.of(true, false, LocalDate.of(2026, 12, 7), 0.5d, Double.NaN,
            new BigInteger("99999999999999999999"));

    @Test
    void compilesTheDemoPipelinesDerivedColumn() {
        Expression demo = Expression.compile(DEMO);
        assertNotNull(demo.compiled());
        Map<String, Object> row = new HashMap<>(Map.of("sales", new BigDecimal("261.96")));
        row.put("discount", null);
        assertEquals(outcome(() -> demo.evaluate(row, Expression.TIME_LIMIT)), outcome(() -> demo.compiled()
                .evaluate(row)));
        row.put("discount", new BigDecimal("0.2"));
        assertEquals("BigDecimal 209.5680000000000000", outcome(() -> demo.compiled().evaluate(row)));
        assertEquals(outcome(() -> demo.evaluate(row, Expression.TIME_LIMIT)), outcome(() -> demo.evaluate(row)));
    }

    @Test
    void leavesEveryOtherShapeToTheInterpreter() {
        for (String text : List.of("region.toUpperCase()", "customer.id + 1", "region =~ ['East', 'West']",
                "a ?: b", "a + 1 // one more", "a + 1 ## one more", "NaN", "empty(a)", "size(a)", "a and b", "not a",
                "a eq 1", "a div 2", "1e3 + a", "0x10 + a", "010 + a", "1.5b + a", "2L * a", "a === 1", "a !== 1",
                "a << 1", "a >> 1", "a & 1", "a | 1", "a ^ 1", "~a", "+a", "a =^ 'E'", "a !$ 'E'", "a..b", "a[0]",
                "`text ${a}`", "a ?. b", "{1, 2}", "[1, 2]", "$a + 1", "a*-1")) {
            Expression expression = Expression.compile(text);
            assertNull(expression.compiled(), text);
        }
    }

    @Test
    void leavesDeepOrLongExpressionsToTheInterpreter() {
        assertNotNull(Expression.compile("1 + ".repeat(100) + "a").compiled());
        assertNull(Expression.compile("1 + ".repeat(300) + "a").compiled());
        assertNotNull(Expression.compile("(".repeat(30) + "a" + ")".repeat(30)).compiled());
        assertNull(Expression.compile("(".repeat(70) + "a" + ")".repeat(70)).compiled());
        assertNull(Expression.compile("- ".repeat(70) + "a").compiled());
    }

    @Test
    void answersAsTheInterpreterOnEdgeCases() {
        Map<String, Object> row = new HashMap<>();
        row.put("zero", 0L);
        row.put("none", null);
        row.put("max", Long.MAX_VALUE);
        row.put("min", Long.MIN_VALUE);
        row.put("half", new BigDecimal("0.5"));
        row.put("tiny", new BigDecimal("0.00000000000000004"));
        row.put("zeros", new BigDecimal("0.000"));
        row.put("huge", new BigDecimal("9E+131000"));
        row.put("region", "East");
        row.put("yes", true);
        row.put("day", LocalDate.of(2026, 12, 7));
        int compiled = 0;
        for (String text : List.of("1 / zero", "1 % zero", "half / zeros", "half % zeros", "half / tiny", "max + 1",
                "min - 1", "max * 2", "min / -1", "-min", "-none", "none + 1", "none * half", "none == null",
                "none < 1", "none >= none", "half > tiny", "tiny == 0", "huge * huge", "huge / half", "huge + 1",
                "region + 1", "region + region", "region < 'West'", "region == 'East' && yes", "yes || none",
                "none ? 1 : 2", "yes ? half : none", "none ?? half", "zero ?? 1", "day == day", "day + 1",
                "region == 1", "yes == 1", "!region", "!yes", "1 - 2 - 3", "2 * 3 % 4", "8 / 2 / 2", "1 + 2 * 3",
                "1 < 2 == true", "-(1)", "- 2147483648", "2147483647 + 1", "46341 * 46341", "7 / 2", "-7 % 3",
                "0.1 + half", "0.1 + 0.2", "half * 0.5", "half == 0.5", "half < 1.25", "'a' + 'b'", "'a' * 2")) {
            Expression expression = Expression.compile(text);
            assertNotNull(expression.compiled(), text);
            String reference = outcome(() -> expression.evaluate(row, Expression.TIME_LIMIT));
            assertEquals(reference, outcome(() -> expression.evaluate(row)), text);
            String fast = outcome(() -> expression.compiled().evaluate(row));
            if (!fast.equals(UNCOVERED)) {
                assertEquals(reference, fast, text);
                compiled++;
            }
        }
        assertTrue(compiled > 30, compiled + " edge cases answered by the compiled evaluators");
    }

    @Test
    void answersAsTheInterpreterOnRandomExpressionsAndRows() {
        Random random = new Random(61);
        int expressions = 0;
        int covered = 0;
        int evaluations = 0;
        int answered = 0;
        for (int i = 0; i < 4_000; i++) {
            String text = expression(random, 1 + random.nextInt(4));
            Expression expression;
            try {
                expression = Expression.compile(text);
            } catch (IllegalArgumentException e) {
                continue;
            }
            expressions++;
            if (expression.compiled() == null) {
                continue;
            }
            covered++;
            for (int r = 0; r < 12; r++) {
                Map<String, Object> row = row(random);
                String reference = outcome(() -> expression.evaluate(row, Expression.TIME_LIMIT));
                assertEquals(reference, outcome(() -> expression.evaluate(row)), () -> text + " on " + row);
                String fast = outcome(() -> expression.compiled().evaluate(row));
                evaluations++;
                if (!fast.equals(UNCOVERED)) {
                    assertEquals(reference, fast, () -> text + " on " + row);
                    answered++;
                }
            }
        }
        assertTrue(covered > expressions * 3 / 4, covered + " of " + expressions + " expressions compiled");
        assertTrue(answered > evaluations / 4, answered + " of " + evaluations + " evaluations answered compiled");
    }

    private static final String UNCOVERED = "left to the interpreter";

    /** The value with its type (a decimal's text shows its scale), or the failure's message. */
    private static String outcome(Supplier<Object> evaluation) {
        try {
            Object value = evaluation.get();
            return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        } catch (CompiledExpression.Uncovered e) {
            return UNCOVERED;
        } catch (IllegalArgumentException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static String expression(Random random, int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return random.nextBoolean()
                    ? FIELDS.get(random.nextInt(FIELDS.size()))
                    : LITERALS.get(random.nextInt(LITERALS.size()));
        }
        String space = random.nextInt(4) == 0 ? "" : " ";
        String text = switch (random.nextInt(8)) {
            case 0 -> expression(random, depth - 1) + space + "?" + space + expression(random, depth - 1) + space + ":"
                    + space + expression(random, depth - 1);
            case 1 -> (random.nextBoolean() ? "-" : "!") + space + expression(random, depth - 1);
            default -> expression(random, depth - 1) + space + BINARY.get(random.nextInt(BINARY.size())) + space
                    + expression(random, depth - 1);
        };
        return random.nextInt(3) == 0 ? "(" + text + ")" : text;
    }

    private static Map<String, Object> row(Random random) {
        Map<String, Object> row = new HashMap<>();
        row.put("a", value(random, WHOLES));
        row.put("b", value(random, DECIMALS));
        row.put("c", value(random, INTS));
        row.put("s", value(random, TEXTS));
        row.put("t", value(random, TEXTS));
        row.put("f", value(random, List.of(true, false)));
        row.put("g", value(random, List.of(true, false)));
        row.put("n", null);
        row.put("d", value(random, OTHERS));
        return row;
    }

    /** Mostly one of the field's own values, sometimes null, a random one of its kind or a value of another type. */
    private static Object value(Random random, List<Object> own) {
        int pick = random.nextInt(20);
        if (pick == 0) {
            return null;
        } else if (pick == 1) {
            List<List<Object>> all = List.of(WHOLES, INTS, DECIMALS, TEXTS, OTHERS);
            List<Object> other = all.get(random.nextInt(all.size()));
            return other.get(random.nextInt(other.size()));
        } else if (pick < 5 && own == WHOLES) {
            return random.nextLong() >> random.nextInt(64);
        } else if (pick < 5 && own == DECIMALS) {
            return new BigDecimal(BigInteger.valueOf(random.nextLong() >> random.nextInt(64)), random.nextInt(24) - 4);
        } else if (pick < 5 && own == INTS) {
            return random.nextInt() >> random.nextInt(32);
        }
        return own.get(random.nextInt(own.size()));
    }
}
