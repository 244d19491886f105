package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.ContractReaderLimitsTest.HEAD;
import static io.tributary.catalog.contract.ContractReaderLimitsTest.problems;
import static io.tributary.catalog.contract.ContractReaderLimitsTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.QualityRule.Condition;
import io.tributary.catalog.contract.QualityRule.Metric;
import io.tributary.catalog.contract.QualityRule.Operator;
import io.tributary.catalog.contract.QualityRule.Type;

/** The {@code quality} arrays of properties and schema objects, as {@link ContractReader#read} reads them. */
class ContractReaderQualityTest {

    private static QualityRule onlyRule(String quality) {
        ContractProperty property = property(quality);
        assertEquals(1, property.quality().size());
        return property.quality().get(0);
    }

    private static ContractProperty property(String quality) {
        return read("- name: region\n  logicalType: string\n  quality:\n" + quality.indent(4)).properties().get(0);
    }

    private static List<String> qualityProblems(String type, String quality) {
        return problems("- name: region\n  logicalType: " + type + "\n  quality:\n" + quality.indent(4));
    }

    @Test
    void readsInvalidValuesWithValidValuesAsEnumeration() {
        QualityRule rule = onlyRule("""
                - metric: invalidValues
                  arguments: {validValues: [Central, East, South, West]}
                  mustBe: 0
                """);
        assertEquals(Type.LIBRARY, rule.type());
        assertEquals(Metric.INVALID_VALUES, rule.metric());
        assertEquals(List.of("Central", "East", "South", "West"), rule.validValues());
        assertEquals(List.of(new Condition(Operator.MUST_BE, new BigDecimal("0"))), rule.conditions());
        assertEquals("rows", rule.unit());
        assertTrue(rule.appliesPerRecord());
    }

    @Test
    void refusesAValidValueANumericColumnCannotHold() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].arguments.validValues[1]: 1E+999999999 cannot be a"
                + " valid value: it has 1000000000 digits before the decimal point, and the curated store holds at"
                + " most 131072"), qualityProblems("number", """
                        - metric: invalidValues
                          arguments: {validValues: [1, 1e999999999]}
                          mustBe: 0
                        """));
    }

    @Test
    void readsInvalidValuesWithPattern() {
        QualityRule rule = onlyRule("""
                - type: library
                  metric: invalidValues
                  arguments: {pattern: '^[A-Z]{2}$'}
                  mustBeLessThan: 1
                """);
        assertEquals("^[A-Z]{2}$", rule.pattern());
        assertTrue(rule.appliesPerRecord());
    }

    @Test
    void readsMissingValuesListWithoutItsNull() {
        ContractProperty property = property("""
                - metric: missingValues
                  arguments: {missingValues: [null, '', 'N/A', 'null']}
                  mustBeLessThan: 100
                """);
        assertEquals(List.of("", "N/A", "null"), property.quality().get(0).missingValues());
        assertEquals(Set.of("", "N/A", "null"), property.missingTexts());
        assertFalse(property.quality().get(0).appliesPerRecord(), "a threshold of 100 rows is about the dataset");
        assertFalse(property.requiresValue());
    }

    @Test
    void nullValuesThatToleratesNoneMakesThePropertyNeedAValue() {
        ContractProperty property = property("""
                - metric: nullValues
                  mustBe: 0
                """);
        assertTrue(property.requiresValue());
        assertFalse(property.required());
    }

    @Test
    void keepsDatasetLevelRulesWithoutApplyingThemPerRecord() {
        ContractProperty property = property("""
                - metric: duplicateValues
                  mustBe: 0
                - metric: invalidValues
                  arguments: {validValues: [East]}
                  mustBeLessThan: 5
                  unit: percent
                - type: sql
                  query: SELECT COUNT(*) FROM {object} WHERE {property} IS NULL
                  mustBeLessThan: 10
                - type: custom
                  engine: soda
                  implementation: 'type: duplicate_percent'
                - type: text
                  description: Regions are those of the sales organisation.
                """);
        assertEquals(5, property.quality().size());
        assertEquals(List.of(), property.perRecordQuality());
        assertEquals("SELECT COUNT(*) FROM {object} WHERE {property} IS NULL",
                property.quality().get(2).definition().get("query"));
        assertEquals("soda", property.quality().get(3).definition().get("engine"));
    }

    @Test
    void warningSeverityIsNotAppliedPerRecord() {
        QualityRule rule = onlyRule("""
                - metric: nullValues
                  mustBe: 0
                  severity: warning
                """);
        assertTrue(rule.toleratesNone());
        assertFalse(rule.appliesPerRecord());
    }

    @Test
    void namesTheRuleAfterItsNameElseItsId() {
        assertEquals("known region", onlyRule("""
                - id: region_known
                  name: known region
                  metric: nullValues
                  mustBe: 0
                """).name());
        assertEquals("region_known", onlyRule("""
                - id: region_known
                  metric: nullValues
                  mustBe: 0
                """).name());
    }

    @Test
    void acceptsDeprecatedRuleKeyForMetric() {
        assertEquals(Metric.NULL_VALUES, onlyRule("""
                - rule: nullValues
                  mustBe: 0
                """).metric());
    }

    @Test
    void readsSeveralOperatorsAsAllHolding() {
        QualityRule rule = onlyRule("""
                - metric: nullValues
                  mustBeGreaterOrEqualTo: 0
                  mustBeLessThan: 1
                """);
        assertEquals(2, rule.conditions().size());
        assertTrue(rule.toleratesNone());
    }

    @Test
    void readsTypedValidValuesOfANumberProperty() {
        ContractProperty property = read("""
                - name: discount
                  logicalType: number
                  quality:
                    - metric: invalidValues
                      arguments: {validValues: [0, 0.2, '0.5']}
                      mustBe: 0
                """).properties().get(0);
        assertEquals(List.of("0", "0.2", "0.5"), property.quality().get(0).validValues());
    }

    @Test
    void readsSchemaObjectQualityIntoTheContract() {
        DataContract contract = ContractReader.read(ContractReader.parse(HEAD.replace("    properties:\n", """
                    quality:
                      - metric: rowCount
                        mustBeGreaterThan: 0
                      - metric: duplicateValues
                        mustBe: 0
                        arguments: {properties: [order_id, line]}
                    properties:
                      - {name: order_id, logicalType: string}
                      - {name: line, logicalType: integer}
                """), ContractReader.Syntax.YAML), "sales");
        assertEquals(2, contract.quality().size());
        assertEquals(Metric.ROW_COUNT, contract.quality().get(0).metric());
        assertFalse(contract.quality().get(0).appliesPerRecord());
        assertFalse(contract.quality().get(1).appliesPerRecord());
    }

    @Test
    void rejectsDuplicateValuesNamingAPropertyTheObjectLacks() {
        List<String> problems = assertThrows(ContractException.class, () -> ContractReader.read(
                ContractReader.parse(HEAD.replace("    properties:\n", """
                            quality:
                              - metric: duplicateValues
                                mustBe: 0
                                arguments: {properties: [order_id, line]}
                            properties:
                              - {name: order_id, logicalType: string}
                        """), ContractReader.Syntax.YAML), "sales")).problems();
        assertEquals(List.of("$.schema[0].quality[0].arguments.properties[1]: 'line' is not a property of this schema"
                + " object"), problems);
    }

    @Test
    void rejectsUnknownMetricWithItsPath() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].metric: 'uniqueValues' is not one of "
                + Metric.odcsNames()), qualityProblems("string", """
                        - metric: uniqueValues
                          mustBe: 0
                        """));
    }

    @Test
    void rejectsLibraryRuleWithoutOperator() {
        List<String> problems = qualityProblems("string", "- metric: nullValues\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].quality[0]: needs an operator"),
                problems.get(0));
    }

    @Test
    void rejectsLibraryRuleOfTypeLibraryWithoutMetric() {
        List<String> problems = qualityProblems("string", "- type: library\n  mustBe: 0\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].quality[0].metric: is required"),
                problems.get(0));
    }

    @Test
    void rejectsOperatorWhoseOperandIsNotANumber() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].mustBe: must be a number, found \"none\""),
                qualityProblems("string", """
                        - metric: nullValues
                          mustBe: none
                        """));
    }

    @Test
    void rejectsBetweenThatIsNotTwoAscendingNumbers() {
        assertEquals(List.of(
                "$.schema[0].properties[0].quality[0].mustBeBetween: must be a list of two numbers, the smaller"
                        + " first, found [1]",
                "$.schema[0].properties[0].quality[1].mustNotBeBetween: the first number must be smaller than the"
                        + " second, found [5,1]"),
                qualityProblems("string", """
                        - metric: nullValues
                          mustBeBetween: [1]
                        - metric: nullValues
                          mustNotBeBetween: [5, 1]
                        """));
    }

    @Test
    void rejectsInvalidValuesWithNeitherValidValuesNorPattern() {
        List<String> problems = qualityProblems("string", """
                - metric: invalidValues
                  mustBe: 0
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].quality[0].arguments: invalidValues needs"
                + " validValues"), problems.get(0));
    }

    @Test
    void rejectsInvalidValuesPatternThatDoesNotCompile() {
        List<String> problems = qualityProblems("string", """
                - metric: invalidValues
                  arguments: {pattern: '[A-Z'}
                  mustBe: 0
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].quality[0].arguments.pattern: '[A-Z' is not a"
                + " regular expression"), problems.get(0));
    }

    @Test
    void rejectsEmptyOrNonScalarValidValues() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].arguments.validValues: must be a non-empty list of"
                + " the valid values, found []"), qualityProblems("string", """
                        - metric: invalidValues
                          arguments: {validValues: []}
                          mustBe: 0
                        """));
        assertEquals(List.of("$.schema[0].properties[0].quality[0].arguments.validValues[1]: must be a string, a number"
                + " or a boolean, found an object"), qualityProblems("string", """
                        - metric: invalidValues
                          arguments: {validValues: [East, {a: 1}]}
                          mustBe: 0
                        """));
    }

    @Test
    void rejectsValidValuesNotOfThePropertysType() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].arguments.validValues[1]: must be an integer, as the"
                + " property is, found 2.5"), qualityProblems("integer", """
                        - metric: invalidValues
                          arguments: {validValues: [1, 2.5]}
                          mustBe: 0
                        """));
        List<String> dates = qualityProblems("date", """
                - metric: invalidValues
                  arguments: {validValues: ['12/25/2024']}
                  mustBe: 0
                """);
        assertEquals(1, dates.size());
        assertTrue(dates.get(0).startsWith("$.schema[0].properties[0].quality[0].arguments.validValues[0]: must be an"
                + " ISO date"), dates.get(0));
    }

    @Test
    void rejectsMissingValuesThatIsNotAList() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].arguments.missingValues: must be a list of the values"
                + " that count as missing, found a string"), qualityProblems("string", """
                        - metric: missingValues
                          arguments: {missingValues: 'N/A'}
                          mustBe: 0
                        """));
    }

    @Test
    void rejectsArgumentTheMetricDoesNotTake() {
        List<String> problems = qualityProblems("string", """
                - metric: invalidValues
                  arguments: {validvalues: [East]}
                  mustBe: 0
                """);
        assertEquals("$.schema[0].properties[0].quality[0].arguments.validvalues: is not an argument of invalidValues,"
                + " which takes [pattern, validValues]", problems.get(0));
    }

    @Test
    void rejectsUnknownTypeAndDimension() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].type: 'regex' is not one of [text, library, sql,"
                + " custom]"), qualityProblems("string", "- type: regex\n"));
        List<String> problems = qualityProblems("string", """
                - metric: nullValues
                  mustBe: 0
                  dimension: freshness
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].quality[0].dimension: 'freshness' is not one"
                + " of [accuracy,"), problems.get(0));
    }

    @Test
    void rejectsKeysThatDoNotBelongToTheRuleType() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].mustBe: is not a property ODCS defines for a custom"
                + " rule"), qualityProblems("string", """
                        - type: custom
                          engine: soda
                          implementation: x
                          mustBe: 0
                        """));
    }

    @Test
    void rejectsSqlRuleWithoutQueryAndCustomRuleWithoutEngine() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0].query: is required for a sql rule",
                "$.schema[0].properties[1].quality[0].engine: is required for a custom rule",
                "$.schema[0].properties[1].quality[0].implementation: is required for a custom rule"),
                problems("""
                        - name: a
                          quality:
                            - type: sql
                              mustBe: 0
                        - name: b
                          quality:
                            - type: custom
                        """));
    }

    @Test
    void rejectsRuleThatIsNotAnObject() {
        assertEquals(List.of("$.schema[0].properties[0].quality[0]: a quality rule must be an object, found a string"),
                qualityProblems("string", "- nullValues\n"));
    }

    @Test
    void rejectsMetricDeclaredAtTheWrongLevel() {
        List<String> problems = qualityProblems("string", """
                - metric: rowCount
                  mustBeGreaterThan: 0
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.schema[0].properties[0].quality[0].metric: rowCount counts the rows"),
                problems.get(0));
    }

    @Test
    void aRuleWithOnlyADescriptionIsText() {
        QualityRule rule = onlyRule("- description: Known to the sales organisation.\n");
        assertEquals(Type.TEXT, rule.type());
        assertNull(rule.metric());
        assertFalse(rule.appliesPerRecord());
    }
}
