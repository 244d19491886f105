package io.tributary.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

record SalesLine(String orderId, LocalDate orderDate, LocalDate shipDate, String shipMode, Customer customer,
        Place place, Product product, BigDecimal sales, int quantity, String discount, BigDecimal profit) {

    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern(SalesColumns.DATE_PATTERN, Locale.US);

    List<String> values(long rowId) {
        List<String> values = new ArrayList<>(SalesColumns.STANDARD.size() + 1);
        values.add(Long.toString(rowId));
        values.add(orderId);
        values.add(US_DATE.format(orderDate));
        values.add(US_DATE.format(shipDate));
        values.add(shipMode);
        values.add(customer.id());
        values.add(customer.name());
        values.add(customer.segment());
        values.add(Geography.COUNTRY);
        values.add(place.city());
        values.add(place.state());
        values.add(place.postalCode());
        values.add(place.region());
        values.add(product.id());
        values.add(product.category());
        values.add(product.subCategory());
        values.add(product.name());
        values.add(sales.toPlainString());
        values.add(Integer.toString(quantity));
        values.add(discount);
        values.add(profit.toPlainString());
        return values;
    }
}
