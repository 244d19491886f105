package io.tributary.generator;

import java.util.ArrayList;
import java.util.List;

public final class SalesColumns {

    public static final String ROW_ID = "Row ID";
    public static final String ORDER_ID = "Order ID";
    public static final String ORDER_DATE = "Order Date";
    public static final String REGION = "Region";
    public static final String SALES = "Sales";
    public static final String QUANTITY = "Quantity";
    public static final String DISCOUNT = "Discount";
    public static final String PROFIT = "Profit";
    public static final String REVENUE = "Revenue";
    public static final String CHANNEL = "Channel";

    public static final List<String> STANDARD = List.of(ROW_ID, ORDER_ID, ORDER_DATE, "Ship Date", "Ship Mode",
            "Customer ID", "Customer Name", "Segment", "Country", "City", "State", "Postal Code", REGION,
            "Product ID", "Category", "Sub-Category", "Product Name", SALES, QUANTITY, DISCOUNT, PROFIT);

    public static final String DATE_PATTERN = "M/d/yyyy";

    private SalesColumns() {
    }

    public static List<String> after(SchemaChange change) {
        List<String> columns = new ArrayList<>(STANDARD);
        switch (change) {
            case ADD_COLUMN -> columns.add(CHANNEL);
            case RENAME_COLUMN -> columns.set(columns.indexOf(SALES), REVENUE);
        }
        return List.copyOf(columns);
    }
}
