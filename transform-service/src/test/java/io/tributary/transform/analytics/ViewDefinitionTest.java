package io.tributary.transform.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineReader;

class ViewDefinitionTest {

    private static final PipelineDefinition LINES = PipelineReader.read("""
            name: lines
            dataset: lines
            eventTime: ordered_on
            aggregate: {dimensions: [state, email], measures: [sales, income]}
            features: {customer: email, order: order_id, product: product}
            """, true);
    private static final PersonalColumns EMAIL_AND_INCOME = new PersonalColumns(false, Set.of("email", "income"));
    private static final List<String> CURATED = List.of("_key", "_record_id", "_hash", "_status", "_pending", "_input",
            "order_id", "email", "state", "income");

    @Test
    void masksThePersonalColumnsOfTheCuratedTableAndTheRecordAsItCame() {
        assertEquals(Set.of("_key", "_hash", "_pending", "_input", "email", "income"),
                ViewDefinition.masked("lines", "lines", CURATED, EMAIL_AND_INCOME, true, LINES));
    }

    @Test
    void masksTheRecordAsItCameWhenItsContractHoldsPersonalDataThatNoColumnKeeps() {
        assertEquals(Set.of("_key", "_hash", "_pending", "_input"),
                ViewDefinition.masked("lines", "lines", CURATED, PersonalColumns.NONE, true, LINES));
        assertEquals(Set.of(), ViewDefinition.masked("lines", "lines", CURATED, PersonalColumns.NONE, false, LINES));
    }

    @Test
    void masksThePersonalDimensionsOfTheAggregateAndNotItsSums() {
        assertEquals(Set.of("email"), ViewDefinition.masked("lines", "lines_agg",
                List.of("_bucket", "state", "email", "sales", "income", "_lines"), EMAIL_AND_INCOME, true, LINES));
    }

    @Test
    void masksTheFeaturesWhoseFieldIsPersonal() {
        assertEquals(Set.of("customer"), ViewDefinition.masked("lines", "lines_customer_products",
                List.of("customer", "product", "orders"), EMAIL_AND_INCOME, true, LINES));
        assertEquals(Set.of(), ViewDefinition.masked("lines", "lines_co_purchases",
                List.of("product", "other_product", "orders"), EMAIL_AND_INCOME, true, LINES));
        assertEquals(Set.of("product", "other_product"), ViewDefinition.masked("lines", "lines_co_purchases",
                List.of("product", "other_product", "orders"), new PersonalColumns(false, Set.of("product")), false,
                LINES));
    }

    @Test
    void masksEverythingItCannotTellApart() {
        List<String> columns = List.of("customer", "product", "orders");
        assertEquals(Set.copyOf(columns), ViewDefinition.masked("lines", "lines_customer_products", columns, null,
                false, LINES));
        assertEquals(Set.copyOf(columns), ViewDefinition.masked("lines", "lines_customer_products", columns,
                EMAIL_AND_INCOME, true, null));
        assertEquals(Set.of("email", "state", "income", "order_id", "_key", "_hash", "_pending", "_input"),
                ViewDefinition.masked("lines", "lines", CURATED, new PersonalColumns(true, Set.of()), true, null));
    }

    @Test
    void selectsEveryColumnInItsOrderWithTheMaskedOnesMasked() {
        assertEquals("select \"id\", case when \"e\"\"mail\" is null then null else '***' end as \"e\"\"mail\" "
                + "from curated.\"lines\"", ViewDefinition.select("lines", List.of("id", "e\"mail"), Set.of("e\"mail")));
    }
}
