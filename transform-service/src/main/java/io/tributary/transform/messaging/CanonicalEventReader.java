package io.tributary.transform.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.tributary.catalog.event.RecordEvent;
import io.tributary.transform.apply.AcceptedRecord;

/**
 * Reads an accepted record as ingestion writes it straight from the parser's tokens, and writes its data's JSON text
 * as the event mapper writes the decoded map, in the same pass: no data binding, no second walk over the map. It takes
 * only the shape ingestion writes: an object holding each of the event's attributes once, each in its own JSON type (a
 * string or null for text, an id or time in its canonical form, whole numbers in range), the data an object of scalar
 * values, each field once. Anything else (a missing, repeated or unknown attribute, another type, a nested value, text
 * after the event) answers null, and the caller decodes the record with the general reader, whose answer, or refusal,
 * is the reference.
 */
final class CanonicalEventReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int ALL = (1 << 13) - 1;

    /** The data's field count last seen, so that the next record's map is made big enough at once. */
    private int fields = 16;

    /** The record, or null when it is not in the shape this reader takes. */
    AcceptedRecord read(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser, json.length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private AcceptedRecord read(JsonParser parser, int length) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String specversion = null;
        UUID id = null;
        String source = null;
        String type = null;
        String subject = null;
        Instant time = null;
        String datacontenttype = null;
        String dataschema = null;
        String dataset = null;
        UUID batch = null;
        long position = 0;
        int contractVersion = 0;
        Map<String, Object> data = null;
        byte[] input = null;
        int seen = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int bit;
            switch (name) {
                case "specversion" -> {
                    bit = 1;
                    specversion = text(parser, value);
                }
                case "id" -> {
                    bit = 1 << 1;
                    id = uuid(parser, value);
                }
                case "source" -> {
                    bit = 1 << 2;
                    source = text(parser, value);
                }
                case "type" -> {
                    bit = 1 << 3;
                    type = text(parser, value);
                }
                case "subject" -> {
                    bit = 1 << 4;
                    subject = text(parser, value);
                }
                case "time" -> {
                    bit = 1 << 5;
                    time = instant(parser, value);
                }
                case "datacontenttype" -> {
                    bit = 1 << 6;
                    datacontenttype = text(parser, value);
                }
                case "dataschema" -> {
                    bit = 1 << 7;
                    dataschema = text(parser, value);
                }
                case "tributarydataset" -> {
                    bit = 1 << 8;
                    dataset = text(parser, value);
                }
                case "tributarybatch" -> {
                    bit = 1 << 9;
                    batch = uuid(parser, value);
                }
                case "tributaryposition" -> {
                    bit = 1 << 10;
                    if (value != JsonToken.VALUE_NUMBER_INT
                            || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return null;
                    }
                    position = parser.getLongValue();
                }
                case "tributarycontractversion" -> {
                    bit = 1 << 11;
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                        return null;
                    }
                    contractVersion = parser.getIntValue();
                }
                case "data" -> {
                    bit = 1 << 12;
                    if (value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
                    data = data(parser, out);
                    if (data == null) {
                        return null;
                    }
                    input = out.toByteArray();
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        if (token != JsonToken.END_OBJECT || seen != ALL || parser.nextToken() != null) {
            return null;
        }
        return AcceptedRecord.of(new RecordEvent(specversion, id, source, type, subject, time, datacontenttype,
                dataschema, dataset, batch, position, contractVersion, data), input);
    }

    /**
     * The data's fields by name in their order, each written to {@code out} as the event mapper writes its value:
     * null when a value is an object or an array, or a field comes twice.
     */
    private Map<String, Object> data(JsonParser parser, ByteArrayOutputStream out) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>(fields * 4 / 3 + 2);
        try (JsonGenerator writer = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            writer.writeStartObject();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                writer.writeFieldName(name);
                Object value;
                switch (parser.nextToken()) {
                    case VALUE_STRING -> {
                        String text = parser.getText();
                        writer.writeString(text);
                        value = text;
                    }
                    case VALUE_NUMBER_INT -> {
                        Number number = parser.getNumberValue();
                        if (number instanceof Integer whole) {
                            writer.writeNumber(whole.intValue());
                        } else if (number instanceof Long whole) {
                            writer.writeNumber(whole.longValue());
                        } else if (number instanceof BigInteger whole) {
                            writer.writeNumber(whole);
                        } else {
                            return null;
                        }
                        value = number;
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        BigDecimal decimal = parser.getDecimalValue();
                        writer.writeNumber(decimal);
                        value = decimal;
                    }
                    case VALUE_TRUE -> {
                        writer.writeBoolean(true);
                        value = Boolean.TRUE;
                    }
                    case VALUE_FALSE -> {
                        writer.writeBoolean(false);
                        value = Boolean.FALSE;
                    }
                    case VALUE_NULL -> {
                        writer.writeNull();
                        value = null;
                    }
                    default -> {
                        return null;
                    }
                }
                int before = data.size();
                data.put(name, value);
                if (data.size() == before) {
                    return null;
                }
            }
            if (token != JsonToken.END_OBJECT) {
                return null;
            }
            writer.writeEndObject();
        }
        fields = data.size();
        return data;
    }

    /** A string or null; any other token is left to the general reader, which may read it differently. */
    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw OTHER;
    }

    /** An id in its canonical form (36 characters: hex digits and four dashes), or null. */
    private static UUID uuid(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw OTHER;
        }
        String text = parser.getText();
        if (text.length() != 36) {
            throw OTHER;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                throw OTHER;
            }
        }
        return UUID.fromString(text);
    }

    /** A time in the form the event mapper writes, or null; see {@link #time}. */
    private static Instant instant(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        Instant time = token == JsonToken.VALUE_STRING ? time(parser.getText()) : null;
        if (time == null) {
            throw OTHER;
        }
        return time;
    }

    /**
     * The time {@link Instant#parse} reads from a text in the form the event mapper writes
     * ({@code 2024-03-01T10:00:00Z}, perhaps with one to nine digits of a fraction of a second), read field by field
     * instead of through the general formatter; null when the text is not in that form. An hour, minute or second out of
     * its range (which {@link Instant#parse} reads in its own way or refuses) is left to {@link Instant#parse}; a date
     * that does not exist is refused.
     */
    static Instant time(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        for (int i = 0; i < length - 1; i++) {
            char c = text.charAt(i);
            char expected = switch (i) {
                case 4, 7 -> '-';
                case 10 -> 'T';
                case 13, 16 -> ':';
                case 19 -> '.';
                default -> '0';
            };
            if (expected == '0' ? c < '0' || c > '9' : c != expected) {
                return null;
            }
        }
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
        int nanos = 0;
        if (length > 20) {
            nanos = digits(text, 20, length - 1);
            for (int i = length - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /** An attribute in a form left to the general reader: thrown without a stack trace, caught by {@link #read}. */
    private static final RuntimeException OTHER = new RuntimeException("not in the shape ingestion writes", null, false,
            false) {
    };
}
