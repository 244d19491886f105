package io.tributary.ingestion.enforcement;

import static io.tributary.ingestion.enforcement.ContractEnforcerLimitsTest.accepted;
import static io.tributary.ingestion.enforcement.ContractEnforcerLimitsTest.check;
import static io.tributary.ingestion.enforcement.ContractEnforcerLimitsTest.enforcer;
import static io.tributary.ingestion.enforcement.ContractEnforcerLimitsTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.ingestion.parsing.SourceRecord;

/** ODCS library quality rules that apply per record: enumerations, patterns, null and missing values. */
class ContractEnforcerQualityTest {

    // invalidValues

    @Test
    void validValuesAcceptsOneOfThemAndRejectsAnyOther() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - metric: invalidValues
                    arguments: {validValues: [Central, East, South, West]}
                    mustBe: 0
                """);
        assertEquals("West", accepted(e, "West"));
        assertEquals("'P' must be one of [Central, East, South, West] (quality rule invalidValues)",
                rejected(e, "Wst", "invalidValues.validValues").reason());
    }

    @Test
    void validValuesOfAStringCompareTheExactText() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: invalidValues, arguments: {validValues: [West]}, mustBe: 0}
                """);
        rejected(e, "west", "invalidValues.validValues");
        rejected(e, "West ", "invalidValues.validValues");
    }

    @Test
    void validValuesOfANumberCompareDecimalValues() {
        ContractEnforcer e = enforcer("""
                logicalType: number
                quality:
                  - {metric: invalidValues, arguments: {validValues: [0, 0.2, 0.45]}, mustBe: 0}
                """);
        assertEquals(new BigDecimal("0.20"), accepted(e, "0.20"));
        accepted(e, "0.00");
        rejected(e, "0.3", "invalidValues.validValues");
    }

    @Test
    void validValuesOfAnIntegerCompareNumbers() {
        ContractEnforcer e = enforcer("""
                logicalType: integer
                quality:
                  - {metric: invalidValues, arguments: {validValues: [1, 2, 3]}, mustBe: 0}
                """);
        accepted(e, "02");
        rejected(e, "4", "invalidValues.validValues");
    }

    @Test
    void validValuesOfADateAreIsoWhateverTheFormat() {
        ContractEnforcer e = enforcer("""
                logicalType: date
                logicalTypeOptions: {format: M/d/yyyy}
                quality:
                  - {metric: invalidValues, arguments: {validValues: ['2024-12-25']}, mustBe: 0}
                """);
        accepted(e, "12/25/2024");
        rejected(e, "12/24/2024", "invalidValues.validValues");
    }

    @Test
    void invalidValuesPatternAcceptsMatchAndRejectsOtherText() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - name: product id shape
                    metric: invalidValues
                    arguments: {pattern: '^[A-Z]{3}-[A-Z]{2}-[0-9]{8}$'}
                    mustBe: 0
                """);
        accepted(e, "FUR-BO-10001798");
        assertEquals("'P' must match the pattern ^[A-Z]{3}-[A-Z]{2}-[0-9]{8}$ (quality rule 'product id shape')",
                rejected(e, "FUR-BO-1000179", "invalidValues.pattern").reason());
    }

    @Test
    void invalidValuesChecksEveryRuleInTurn() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: invalidValues, arguments: {validValues: [AB, ab, XYZ]}, mustBe: 0}
                  - {metric: invalidValues, arguments: {pattern: '^[A-Z]+$'}, mustBe: 0}
                """);
        accepted(e, "AB");
        rejected(e, "ab", "invalidValues.pattern");
        rejected(e, "CD", "invalidValues.validValues");
    }

    @Test
    void invalidValuesWithAThresholdIsNotAppliedPerRecord() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: invalidValues, arguments: {validValues: [pounds, kg]}, mustBeLessThan: 5, unit: rows}
                """);
        assertEquals("stone", accepted(e, "stone"));
    }

    @Test
    void invalidValuesOfWarningSeverityIsNotAppliedPerRecord() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: invalidValues, arguments: {validValues: [kg]}, mustBe: 0, severity: warning}
                """);
        accepted(e, "lb");
    }

    @Test
    void limitsAreCheckedBeforeQualityRules() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                logicalTypeOptions: {maxLength: 2}
                quality:
                  - {metric: invalidValues, arguments: {validValues: [kg]}, mustBe: 0}
                """);
        rejected(e, "lbs", "maxLength");
    }

    // missingValues

    @Test
    void missingTextOfARequiredPropertyIsARequiredViolation() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                required: true
                quality:
                  - metric: missingValues
                    arguments: {missingValues: [null, '', 'N/A', 'null']}
                    mustBeLessThan: 100
                """);
        accepted(e, "East");
        assertEquals("'P' is required and 'N/A' counts as missing", rejected(e, "N/A", "required").reason());
        rejected(e, " null ", "required");
    }

    @Test
    void missingTextOfAnOptionalPropertyBecomesNull() {
        ContractEnforcer e = enforcer("""
                logicalType: number
                quality:
                  - {metric: missingValues, arguments: {missingValues: ['N/A', '-']}, mustBeLessThan: 10, unit: percent}
                """);
        assertNull(accepted(e, "N/A"));
        assertNull(accepted(e, "-"));
        assertEquals(new BigDecimal("1.5"), accepted(e, "1.5"));
    }

    @Test
    void missingValuesThatToleratesNoneRejectsMissingText() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: missingValues, arguments: {missingValues: ['N/A']}, mustBe: 0}
                """);
        accepted(e, "East");
        assertEquals("'P' must not be missing (quality rule missingValues) and 'N/A' counts as missing",
                rejected(e, "N/A", "missingValues").reason());
        assertEquals("'P' must not be missing (quality rule missingValues) and is empty",
                rejected(e, "", "missingValues").reason());
    }

    // nullValues

    @Test
    void nullValuesThatToleratesNoneActsAsRequired() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {name: region present, metric: nullValues, mustBe: 0}
                """);
        accepted(e, "East");
        assertEquals("'P' must not be null (quality rule 'region present') and is empty",
                rejected(e, " ", "nullValues").reason());
        Violation jsonNull = rejected(e, null, "nullValues");
        assertNull(jsonNull.value());
    }

    @Test
    void nullValuesPropertyMakesItsColumnRequired() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: nullValues, mustBe: 0}
                """);
        assertEquals(List.of("P"), e.bind(List.of("Other")).missingRequired());
        Violation v = e.check(new SourceRecord(2, List.of("Other"), List.of("x"), "x", null)).violation();
        assertEquals("schema.missingColumn", v.rule());
    }

    @Test
    void nullValuesWithAPercentThresholdLeavesNullsIn() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: nullValues, mustBeLessThan: 1, unit: percent}
                """);
        assertNull(accepted(e, ""));
    }

    @Test
    void datasetRulesLeaveRecordsAlone() {
        ContractEnforcer e = enforcer("""
                logicalType: string
                quality:
                  - {metric: duplicateValues, mustBe: 0}
                  - {type: sql, query: 'SELECT COUNT(*) FROM {object}', mustBeGreaterThan: 0}
                  - {type: custom, engine: soda, implementation: 'type: row_count'}
                  - {type: text, description: Regions of the sales organisation.}
                """);
        assertTrue(check(e, "East").isAccepted());
        assertTrue(check(e, "").isAccepted());
    }
}
