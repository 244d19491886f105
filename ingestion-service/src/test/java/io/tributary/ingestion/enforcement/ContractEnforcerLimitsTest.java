package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.LogicalType;
import io.tributary.ingestion.parsing.SourceRecord;

/** The limits of {@code logicalTypeOptions}: one accepted and one rejected value per rule. */
class ContractEnforcerLimitsTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** An enforcer of one property {@code p} read from the column {@code P}. */
    static ContractEnforcer enforcer(String propertyYaml) {
        return new ContractEnforcer(contract("""
                - name: p
                  physicalName: P
                """ + propertyYaml.indent(2)), NEW_YORK);
    }

    /** The contract of dataset {@code sales} with these properties (a YAML list). */
    static DataContract contract(String propertiesYaml) {
        String document = """
                apiVersion: v3.1.0
                kind: DataContract
                id: urn:test
                version: 1.0.0
                status: active
                schema:
                  - name: sales
                    properties:
                """ + propertiesYaml.indent(6);
        return ContractReader.read(ContractReader.parse(document, ContractReader.Syntax.YAML), "sales");
    }

    static CheckedRecord check(ContractEnforcer enforcer, String value) {
        List<String> values = new java.util.ArrayList<>();
        values.add(value);
        return enforcer.check(new SourceRecord(2, List.of("P"), values, String.valueOf(value), null));
    }

    static Object accepted(ContractEnforcer enforcer, String value) {
        CheckedRecord record = check(enforcer, value);
        assertTrue(record.isAccepted(), () -> "expected '" + value + "' accepted, got " + record.violation());
        return record.data().get("p");
    }

    static Violation rejected(ContractEnforcer enforcer, String value, String rule) {
        CheckedRecord record = check(enforcer, value);
        assertTrue(!record.isAccepted(), () -> "expected '" + value + "' rejected by " + rule);
        Violation v = record.violation();
        assertEquals("p", v.field());
        assertEquals(rule, v.rule(), v::toString);
        assertEquals(value, v.value());
        return v;
    }

    // strings

    @Test
    void minLengthAcceptsLongEnoughAndRejectsShorter() {
        ContractEnforcer e = enforcer("logicalType: string\nlogicalTypeOptions: {minLength: 3}");
        assertEquals("abc", accepted(e, "abc"));
        assertEquals("'P' must be at least 3 characters long; it has 2", rejected(e, "ab", "minLength").reason());
    }

    @Test
    void maxLengthAcceptsShortEnoughAndRejectsLonger() {
        ContractEnforcer e = enforcer("logicalType: string\nlogicalTypeOptions: {maxLength: 3}");
        assertEquals("abc", accepted(e, "abc"));
        assertEquals("'P' must be at most 3 characters long; it has 4", rejected(e, "abcd", "maxLength").reason());
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        ContractEnforcer e = enforcer("logicalType: string\nlogicalTypeOptions: {minLength: 2, maxLength: 2}");
        accepted(e, "\uD83D\uDE00\uD83D\uDE00"); // two emoji, four chars
        rejected(e, "\uD83D\uDE00", "minLength");
    }

    @Test
    void patternAcceptsMatchAndRejectsOtherText() {
        ContractEnforcer e = enforcer("logicalType: string\nlogicalTypeOptions: {pattern: '^[0-9]{5}$'}");
        assertEquals("10024", accepted(e, "10024"));
        assertEquals("'P' must match the pattern ^[0-9]{5}$", rejected(e, "1002", "pattern").reason());
    }

    @Test
    void patternIsFoundAnywhereUnlessAnchored() {
        ContractEnforcer e = enforcer("logicalType: string\nlogicalTypeOptions: {pattern: '[0-9]{5}'}");
        accepted(e, "NY 10024");
        rejected(e, "NY 1002", "pattern");
    }

    @Test
    void aPatternThatWouldBacktrackCatastrophicallyRunsInLinearTimeOnALongValue() {
        ContractEnforcer e = enforcer("logicalType: string\nlogicalTypeOptions: {pattern: '^(a+)+$'}");
        String attack = "a".repeat(1_000_000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejected(e, attack, "pattern"));
        assertEquals("a".repeat(100), accepted(e, "a".repeat(100)));
    }

    // integers

    @Test
    void integerMinimumIsInclusive() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {minimum: 1}");
        assertEquals(1L, accepted(e, "1"));
        assertEquals("'P' must be at least 1", rejected(e, "0", "minimum").reason());
    }

    @Test
    void integerExclusiveMinimumExcludesTheLimit() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {exclusiveMinimum: 0}");
        accepted(e, "1");
        assertEquals("'P' must be greater than 0", rejected(e, "0", "exclusiveMinimum").reason());
    }

    @Test
    void integerMaximumIsInclusive() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {maximum: 14}");
        accepted(e, "14");
        assertEquals("'P' must be at most 14", rejected(e, "15", "maximum").reason());
    }

    @Test
    void integerExclusiveMaximumExcludesTheLimit() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {exclusiveMaximum: 100}");
        accepted(e, "99");
        assertEquals("'P' must be less than 100", rejected(e, "100", "exclusiveMaximum").reason());
    }

    @Test
    void integerLimitsMayBeFractional() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {minimum: 0.5, exclusiveMaximum: 2.5}");
        accepted(e, "1");
        accepted(e, "2");
        assertEquals("'P' must be at least 0.5", rejected(e, "0", "minimum").reason());
        rejected(e, "3", "exclusiveMaximum");
    }

    @Test
    void integerMultipleOf() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {multipleOf: 5}");
        accepted(e, "-10");
        assertEquals("'P' must be a multiple of 5", rejected(e, "12", "multipleOf").reason());
    }

    @Test
    void integerFormatBoundsTheRange() {
        ContractEnforcer e = enforcer("logicalType: integer\nlogicalTypeOptions: {format: u8}");
        accepted(e, "255");
        assertEquals("'P' must fit the integer format u8 (0 to 255)", rejected(e, "256", "format").reason());
        rejected(e, "-1", "format");
    }

    @Test
    void integerWithFormatIsNotParsedAsADatePattern() {
        assertEquals(7L, accepted(enforcer("logicalType: integer\nlogicalTypeOptions: {format: i32}"), "7"));
    }

    @Test
    void typeIsCheckedBeforeLimits() {
        rejected(enforcer("logicalType: integer\nlogicalTypeOptions: {minimum: 1}"), "one", "logicalType");
    }

    // numbers

    @Test
    void numberMinimumIsExact() {
        ContractEnforcer e = enforcer("logicalType: number\nlogicalTypeOptions: {minimum: 0.01}");
        assertEquals(new BigDecimal("0.010"), accepted(e, "0.010"));
        assertEquals("'P' must be at least 0.01", rejected(e, "0.0099999999999999999999", "minimum").reason());
    }

    @Test
    void numberExclusiveMinimum() {
        ContractEnforcer e = enforcer("logicalType: number\nlogicalTypeOptions: {exclusiveMinimum: 0}");
        accepted(e, "0.0001");
        assertEquals("'P' must be greater than 0", rejected(e, "0.000", "exclusiveMinimum").reason());
    }

    @Test
    void numberMaximum() {
        ContractEnforcer e = enforcer("logicalType: number\nlogicalTypeOptions: {maximum: 0.8}");
        accepted(e, "0.80");
        assertEquals("'P' must be at most 0.8", rejected(e, "0.81", "maximum").reason());
    }

    @Test
    void numberExclusiveMaximum() {
        ContractEnforcer e = enforcer("logicalType: number\nlogicalTypeOptions: {exclusiveMaximum: 1}");
        accepted(e, "0.99");
        assertEquals("'P' must be less than 1", rejected(e, "1.0", "exclusiveMaximum").reason());
    }

    @Test
    void numberMultipleOfUsesExactDecimals() {
        ContractEnforcer e = enforcer("logicalType: number\nlogicalTypeOptions: {multipleOf: 0.01}");
        accepted(e, "261.96");
        accepted(e, "0.30");
        assertEquals("'P' must be a multiple of 0.01", rejected(e, "1.005", "multipleOf").reason());
    }

    // dates, times, timestamps

    @Test
    void dateMinimumReadsTheValueInItsFormatAndTheLimitInIso() {
        ContractEnforcer e = enforcer("logicalType: date\nlogicalTypeOptions: {format: M/d/yyyy, minimum: '2015-01-01'}");
        assertEquals("2015-01-01", accepted(e, "1/1/2015"));
        assertEquals("'P' must be on or after 2015-01-01", rejected(e, "12/31/2014", "minimum").reason());
    }

    @Test
    void dateExclusiveMinimum() {
        ContractEnforcer e = enforcer("logicalType: date\nlogicalTypeOptions: {exclusiveMinimum: '2015-01-01'}");
        accepted(e, "2015-01-02");
        assertEquals("'P' must be after 2015-01-01", rejected(e, "2015-01-01", "exclusiveMinimum").reason());
    }

    @Test
    void dateMaximum() {
        ContractEnforcer e = enforcer("logicalType: date\nlogicalTypeOptions: {maximum: '2018-12-31'}");
        accepted(e, "2018-12-31");
        assertEquals("'P' must be on or before 2018-12-31", rejected(e, "2019-01-01", "maximum").reason());
    }

    @Test
    void dateExclusiveMaximum() {
        ContractEnforcer e = enforcer("logicalType: date\nlogicalTypeOptions: {exclusiveMaximum: '2019-01-01'}");
        accepted(e, "2018-12-31");
        assertEquals("'P' must be before 2019-01-01", rejected(e, "2019-01-01", "exclusiveMaximum").reason());
    }

    @Test
    void timestampLimitWithoutOffsetIsReadInTheSourceZone() {
        ContractEnforcer e = enforcer(
                "logicalType: timestamp\nlogicalTypeOptions: {format: 'M/d/yyyy H:mm', minimum: '2024-03-10T03:00:00'}");
        assertEquals("2024-03-10T07:00:00Z", accepted(e, "3/10/2024 3:00"));
        assertEquals("'P' must be at or after 2024-03-10T03:00:00 (2024-03-10T07:00:00Z)",
                rejected(e, "3/10/2024 1:59", "minimum").reason());
    }

    @Test
    void timestampExclusiveMaximumWithOffset() {
        ContractEnforcer e = enforcer("logicalType: timestamp\nlogicalTypeOptions: {exclusiveMaximum: '2024-01-01T00:00:00Z'}");
        accepted(e, "2023-12-31T18:59:59"); // 23:59:59 UTC
        assertEquals("'P' must be before 2024-01-01T00:00:00Z",
                rejected(e, "2023-12-31T19:00:00", "exclusiveMaximum").reason());
    }

    @Test
    void timestampMaximumAndExclusiveMinimumAsDates() {
        ContractEnforcer e = enforcer(
                "logicalType: timestamp\nlogicalTypeOptions: {exclusiveMinimum: '2015-01-01', maximum: '2019-01-01'}");
        accepted(e, "2015-01-01T00:00:01-05:00");
        rejected(e, "2015-01-01T00:00:00-05:00", "exclusiveMinimum");
        rejected(e, "2019-01-01T00:00:01-05:00", "maximum");
    }

    @Test
    void timeMinimumAndMaximum() {
        ContractEnforcer e = enforcer("logicalType: time\nlogicalTypeOptions: {minimum: '09:00', maximum: '17:30'}");
        assertEquals("09:00", accepted(e, "09:00"));
        assertEquals("'P' must be at or after 09:00", rejected(e, "08:59", "minimum").reason());
        rejected(e, "17:31", "maximum");
    }

    // contracts built in code

    @Test
    void contractBuiltInCodeWithInvalidPatternFailsWhenTheEnforcerIsMade() {
        DataContract contract = new DataContract("c", "1", "active", "s", List.of(new ContractProperty("p", null,
                LogicalType.STRING, false, false, -1, Map.of("pattern", "[a-"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContractEnforcer(contract, NEW_YORK));
        assertTrue(e.getMessage().contains("'[a-' is not a regular expression"), e.getMessage());
    }

    @Test
    void limitsOfAContractBuiltInCodeApplyToo() {
        DataContract contract = new DataContract("c", "1", "active", "s", List.of(new ContractProperty("p", "P",
                LogicalType.INTEGER, false, false, -1, Map.of("maximum", 10))));
        ContractEnforcer e = new ContractEnforcer(contract, NEW_YORK);
        accepted(e, "10");
        rejected(e, "11", "maximum");
        assertNull(accepted(e, ""));
    }
}
