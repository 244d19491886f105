package io.tributary.catalog.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code logicalTypeOptions} as {@link ContractReader#read} checks and keeps them. */
class ContractReaderLimitsTest {

    static final String HEAD = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:test
            version: 1.0.0
            status: active
            schema:
              - name: sales
                properties:
            """;

    static DataContract read(String properties) {
        return ContractReader.read(ContractReader.parse(HEAD + properties.indent(6), ContractReader.Syntax.YAML),
                "sales");
    }

    static List<String> problems(String properties) {
        return assertThrows(ContractException.class, () -> read(properties)).problems();
    }

    @Test
    void keepsStringLimitsAsGiven() {
        ContractProperty region = read("""
                - name: region
                  logicalType: string
                  logicalTypeOptions: {minLength: 2, maxLength: 10, pattern: '^[A-Z][a-z]+$'}
                """).properties().get(0);
        assertEquals(2, ((Number) region.logicalTypeOptions().get("minLength")).intValue());
        assertEquals(10, ((Number) region.logicalTypeOptions().get("maxLength")).intValue());
        assertEquals("^[A-Z][a-z]+$", region.logicalTypeOptions().get("pattern"));
    }

    @Test
    void keepsDecimalLimitsExactly() {
        ContractProperty sales = read("""
                - name: sales
                  logicalType: number
                  logicalTypeOptions: {minimum: 0.01, exclusiveMaximum: 100000, multipleOf: 0.01}
                """).properties().get(0);
        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) sales.logicalTypeOptions().get("minimum")));
        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) sales.logicalTypeOptions().get("multipleOf")));
    }

    @Test
    void rejectsPatternThatIsNotARegularExpressionWithItsPath() {
        List<String> problems = problems("""
                - name: postal_code
                  logicalType: string
                  logicalTypeOptions: {pattern: '[0-9'}
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(
                "$.schema[0].properties[0].logicalTypeOptions.pattern: '[0-9' is not a regular expression"),
                problems.get(0));
    }

    @Test
    void rejectsPatternThatCouldBacktrackForEverSayingWhy() {
        List<String> problems = problems("""
                - name: code
                  logicalType: string
                  logicalTypeOptions: {pattern: '^(a)\\1$'}
                - name: other
                  logicalType: string
                  logicalTypeOptions: {pattern: '^(?=a)a$'}
                """);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("is not a regular expression of RE2's syntax (no backreferences or "
                + "lookaround, so that it runs in linear time)"), problems.get(0));
    }

    @Test
    void rejectsPatternThatIsNotAString() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.pattern: must be a string, found number"),
                problems("""
                        - name: code
                          logicalType: string
                          logicalTypeOptions: {pattern: 5}
                        """));
    }

    @Test
    void rejectsNegativeOrFractionalLengths() {
        List<String> problems = problems("""
                - name: code
                  logicalType: string
                  logicalTypeOptions: {minLength: -1, maxLength: 2.5}
                """);
        assertEquals(List.of(
                "$.schema[0].properties[0].logicalTypeOptions.minLength: must be an integer of 0 or more, found -1",
                "$.schema[0].properties[0].logicalTypeOptions.maxLength: must be an integer of 0 or more, found 2.5"),
                problems);
    }

    @Test
    void rejectsMinLengthAboveMaxLength() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions: minLength 5 is greater than maxLength 3,"
                + " so no value can be valid"), problems("""
                        - name: code
                          logicalType: string
                          logicalTypeOptions: {minLength: 5, maxLength: 3}
                        """));
    }

    @Test
    void rejectsNumericLimitGivenAsText() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.minimum: must be a number, found \"0\""),
                problems("""
                        - name: quantity
                          logicalType: integer
                          logicalTypeOptions: {minimum: '0'}
                        """));
    }

    @Test
    void rejectsMultipleOfZeroOrLess() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.multipleOf: must be greater than 0, found 0"),
                problems("""
                        - name: quantity
                          logicalType: integer
                          logicalTypeOptions: {multipleOf: 0}
                        """));
    }

    @Test
    void rejectsNumericLimitsBeyondWhatTheStoreHoldsWithoutWritingTheirDigits() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.minimum: 1E+999999999 cannot be a limit: it"
                + " has 1000000000 digits before the decimal point, and the curated store holds at most 131072",
                "$.schema[0].properties[0].logicalTypeOptions.maximum: 5E-1000000000 cannot be a limit: it has"
                        + " 1000000000 digits after the decimal point, and the curated store holds at most 16383"),
                problems("""
                        - name: sales
                          logicalType: number
                          logicalTypeOptions: {minimum: 1e999999999, maximum: 0.5e-999999999}
                        """));
    }

    @Test
    void rejectsLimitsThatLeaveNoValidValue() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions: minimum 10 and exclusiveMaximum 10 leave"
                + " no valid value"), problems("""
                        - name: quantity
                          logicalType: integer
                          logicalTypeOptions: {minimum: 10, exclusiveMaximum: 10}
                        """));
    }

    @Test
    void acceptsEqualInclusiveLimits() {
        assertEquals(1, read("""
                - name: quantity
                  logicalType: integer
                  logicalTypeOptions: {minimum: 10, maximum: 10}
                """).properties().size());
    }

    @Test
    void rejectsUnknownIntegerFormat() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.format: 'int' is not one of "
                + IntegerFormat.odcsNames()), problems("""
                        - name: quantity
                          logicalType: integer
                          logicalTypeOptions: {format: int}
                        """));
    }

    @Test
    void acceptsIntegerFormatOfTheStandard() {
        assertEquals("u8", read("""
                - name: quantity
                  logicalType: integer
                  logicalTypeOptions: {format: u8}
                """).properties().get(0).format().orElseThrow());
    }

    @Test
    void rejectsDateLimitThatIsNotAnIsoDate() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.minimum: '1/1/2015' is not an ISO date"
                + " such as 2024-03-10"), problems("""
                        - name: order_date
                          logicalType: date
                          logicalTypeOptions: {format: M/d/yyyy, minimum: 1/1/2015}
                        """));
    }

    @Test
    void rejectsDateMinimumAfterMaximum() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions: minimum 2020-01-01 and maximum 2019-12-31"
                + " leave no valid value"), problems("""
                        - name: order_date
                          logicalType: date
                          logicalTypeOptions: {minimum: '2020-01-01', maximum: '2019-12-31'}
                        """));
    }

    @Test
    void acceptsTimestampLimitsWithOffsetLocalOrAsDate() {
        assertEquals(1, read("""
                - name: placed
                  logicalType: timestamp
                  logicalTypeOptions: {minimum: '2015-01-01', exclusiveMinimum: '2015-01-01T00:00:00',
                    maximum: '2030-01-01T00:00:00Z', exclusiveMaximum: '2031-01-01T00:00:00+01:00'}
                """).properties().size());
    }

    @Test
    void rejectsTimestampLimitThatIsNotIso() {
        List<String> problems = problems("""
                - name: placed
                  logicalType: timestamp
                  logicalTypeOptions: {maximum: 'tomorrow'}
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].logicalTypeOptions.maximum: 'tomorrow' is"
                + " not an ISO date-time"), problems.get(0));
    }

    @Test
    void rejectsTimeLimitThatIsNotIso() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.minimum: '9am' is not an ISO time such as"
                + " 09:30:00"), problems("""
                        - name: opens
                          logicalType: time
                          logicalTypeOptions: {minimum: 9am}
                        """));
    }

    @Test
    void rejectsUnknownDefaultTimezone() {
        assertEquals(List.of("$.schema[0].properties[0].logicalTypeOptions.defaultTimezone: 'Mars/Olympus' is not a"
                + " time zone"), problems("""
                        - name: placed
                          logicalType: timestamp
                          logicalTypeOptions: {defaultTimezone: Mars/Olympus}
                        """));
    }

    @Test
    void stillRejectsDateFormatThatIsNotAPattern() {
        List<String> problems = problems("""
                - name: order_date
                  logicalType: date
                  logicalTypeOptions: {format: 'yyyy-MM-dd{'}
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].logicalTypeOptions.format: 'yyyy-MM-dd{' is"
                + " not a date-time pattern"), problems.get(0));
    }

    @Test
    void rejectsDateFormatThatTheJdkFailsToBuildAsAProblemNotACrash() {
        List<String> problems = problems("""
                - name: ordered_at
                  logicalType: timestamp
                  logicalTypeOptions: {format: pyH}
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].logicalTypeOptions.format: 'pyH' is not a"
                + " date-time pattern"), problems.get(0));
    }

    @Test
    void reportsEveryProblemOfEveryPropertyAtOnce() {
        List<String> problems = problems("""
                - name: a
                  logicalType: string
                  logicalTypeOptions: {pattern: '('}
                - name: b
                  logicalType: number
                  logicalTypeOptions: {maximum: x}
                """);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].logicalTypeOptions.pattern"));
        assertTrue(problems.get(1).startsWith("$.schema[0].properties[1].logicalTypeOptions.maximum"));
    }
}
