package io.tributary.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

final class Contract {

    static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Contract() {
    }

    static Optional<String> violation(List<String> header, List<String> fields) {
        if (fields.size() != header.size()) {
            return Optional.of("expected " + header.size() + " fields, got " + fields.size());
        }
        String sales = header.contains(SalesColumns.SALES) ? SalesColumns.SALES : SalesColumns.REVENUE;
        try {
            Long.parseLong(field(header, fields, SalesColumns.ROW_ID));
            new BigDecimal(field(header, fields, sales));
            LocalDate.parse(field(header, fields, SalesColumns.ORDER_DATE), ORDER_DATE);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of(e.getMessage());
        }
        if (field(header, fields, SalesColumns.ORDER_ID).isEmpty()) {
            return Optional.of("empty Order ID");
        }
        if (field(header, fields, SalesColumns.REGION).isEmpty()) {
            return Optional.of("empty Region");
        }
        return Optional.empty();
    }

    static boolean isDate(String text) {
        try {
            LocalDate.parse(text, ORDER_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String field(List<String> header, List<String> fields, String column) {
        return fields.get(header.indexOf(column));
    }
}
