package io.tributary.catalog.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.QualityRule.Condition;
import io.tributary.catalog.contract.QualityRule.Metric;
import io.tributary.catalog.contract.QualityRule.Operator;
import io.tributary.catalog.contract.QualityRule.Type;

/** Which conditions tolerate no bad value, and so can be decided record by record. */
class QualityRuleTest {

    private static QualityRule rule(Metric metric, String unit, String severity, Condition... conditions) {
        return new QualityRule(null, Type.LIBRARY, metric, List.of(conditions), unit, severity, List.of(), null,
                List.of(), null);
    }

    private static Condition is(Operator operator, String operand) {
        return new Condition(operator, new BigDecimal(operand));
    }

    private static Condition range(Operator operator, String low, String high) {
        return new Condition(operator, List.of(new BigDecimal(low), new BigDecimal(high)));
    }

    @Test
    void mustBeZeroToleratesNone() {
        assertTrue(rule(Metric.NULL_VALUES, "rows", null, is(Operator.MUST_BE, "0")).appliesPerRecord());
    }

    @Test
    void lessThanOneRowToleratesNone() {
        assertTrue(rule(Metric.NULL_VALUES, "rows", null, is(Operator.MUST_BE_LESS_THAN, "1")).toleratesNone());
    }

    @Test
    void lessOrEqualToZeroPercentToleratesNone() {
        assertTrue(rule(Metric.INVALID_VALUES, "percent", null, is(Operator.MUST_BE_LESS_OR_EQUAL_TO, "0"))
                .toleratesNone());
    }

    @Test
    void lessThanOnePercentIsADatasetThreshold() {
        assertFalse(rule(Metric.NULL_VALUES, "percent", null, is(Operator.MUST_BE_LESS_THAN, "1")).toleratesNone());
    }

    @Test
    void lessThanFiveRowsIsADatasetThreshold() {
        assertFalse(rule(Metric.INVALID_VALUES, "rows", null, is(Operator.MUST_BE_LESS_THAN, "5")).appliesPerRecord());
    }

    @Test
    void betweenExcludesItsBounds() {
        assertFalse(rule(Metric.NULL_VALUES, "rows", null, range(Operator.MUST_BE_BETWEEN, "0", "1")).toleratesNone(),
                "0 is not strictly between 0 and 1, so the rule fails even without a bad value");
        assertTrue(rule(Metric.NULL_VALUES, "rows", null, range(Operator.MUST_BE_BETWEEN, "-1", "1")).toleratesNone());
        assertTrue(rule(Metric.NULL_VALUES, "rows", null, range(Operator.MUST_NOT_BE_BETWEEN, "0", "5"))
                .holdsFor(BigDecimal.ZERO));
    }

    @Test
    void allConditionsMustHold() {
        assertTrue(rule(Metric.NULL_VALUES, "rows", null, is(Operator.MUST_BE_GREATER_OR_EQUAL_TO, "0"),
                is(Operator.MUST_BE_LESS_THAN, "1")).toleratesNone());
    }

    @Test
    void noConditionIsNeverPerRecord() {
        assertFalse(rule(Metric.NULL_VALUES, "rows", null).appliesPerRecord());
    }

    @Test
    void infoAndWarningSeveritiesDoNotReject() {
        assertFalse(rule(Metric.NULL_VALUES, "rows", "info", is(Operator.MUST_BE, "0")).appliesPerRecord());
        assertFalse(rule(Metric.NULL_VALUES, "rows", "Warning", is(Operator.MUST_BE, "0")).appliesPerRecord());
        assertTrue(rule(Metric.NULL_VALUES, "rows", "error", is(Operator.MUST_BE, "0")).appliesPerRecord());
    }

    @Test
    void datasetMetricsAreNeverPerRecord() {
        assertFalse(rule(Metric.DUPLICATE_VALUES, "rows", null, is(Operator.MUST_BE, "0")).appliesPerRecord());
        assertFalse(rule(Metric.ROW_COUNT, "rows", null, is(Operator.MUST_BE, "0")).appliesPerRecord());
        assertFalse(new QualityRule(null, Type.SQL, null, List.of(is(Operator.MUST_BE, "0")), "rows", null, List.of(),
                null, List.of(), null).appliesPerRecord());
    }

    @Test
    void integerFormatsSpanTheirRustRanges() {
        assertTrue(IntegerFormat.I8.minimum().intValueExact() == -128 && IntegerFormat.I8.maximum().intValueExact() == 127);
        assertTrue(IntegerFormat.U32.maximum().longValueExact() == 4_294_967_295L);
        assertTrue(IntegerFormat.U64.maximum().toBigInteger().bitLength() == 64);
    }
}
