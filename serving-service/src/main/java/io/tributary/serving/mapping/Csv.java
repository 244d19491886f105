package io.tributary.serving.mapping;

import java.math.BigDecimal;

/** Values as CSV fields (RFC 4180). */
public final class Csv {

    private Csv() {
    }

    /** A value as a CSV field: empty for null, quoted when it holds a comma, a quote or a line break. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
