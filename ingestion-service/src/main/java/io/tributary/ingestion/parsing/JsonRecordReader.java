package io.tributary.ingestion.parsing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Records of a JSON file, read as a stream: a top-level array of objects gives a record per element (position = the
 * element's index, from 1), a single top-level object gives its records at position 1. An object gives one record, or
 * one per element of the array its {@link JsonShape} explodes, all at the object's position (see {@link JsonFlattener}
 * for the values, the flattening and the explode rule).
 * <ul>
 * <li>An element that is not an object (or a top-level scalar) is valid JSON but not a record: an unreadable record
 * whose error starts with {@link JsonErrorKind#NOT_AN_OBJECT}; reading goes on with the next element.</li>
 * <li>Text that is not JSON ends the file: one unreadable record saying where, with the text from the failed element
 * on (at most {@value JsonSupport#MAX_RAW_LENGTH} characters); its error starts with {@link JsonErrorKind#SYNTAX}. So
 * does anything after the top-level value, and an empty file.</li>
 * <li>Nesting deeper than {@link ReadLimits#jsonDepth()} levels, a number longer than
 * {@value JsonSupport#MAX_NUMBER_LENGTH} characters, a string longer than {@value JsonSupport#MAX_STRING_LENGTH} or an
 * element longer than {@link ReadLimits#recordChars()} end the file the same way, with an error that starts with
 * {@link JsonErrorKind#LIMIT}; an object of more fields than {@link ReadLimits#columns()}, or that explodes into more
 * records than {@link ReadLimits#explodeRecords()}, is one unreadable record of that kind.</li>
 * </ul>
 * Memory holds one element (and its records), never the file.
 */
public final class JsonRecordReader implements RecordReader {

    private enum State {
        START,
        IN_ARRAY,
        AFTER_VALUE,
        DONE
    }

    private final RetainingReader text;
    private final JsonParser parser;
    private final JsonFlattener flattener;
    private final ReadLimits limits;
    private final ArrayDeque<SourceRecord> pending = new ArrayDeque<>();
    private final List<SourceRecord> element = new ArrayList<>();
    private State state = State.START;
    /** The position of the element being read. */
    private long position = 1;

    /** Reads records flattened whole, no array exploded, within the default limits. */
    public JsonRecordReader(Reader in) throws IOException {
        this(in, JsonShape.FLAT);
    }

    /** Reads records in the shape a contract gives: which array is exploded, which objects are kept whole. */
    public JsonRecordReader(Reader in, JsonShape shape) throws IOException {
        this(in, shape, ReadLimits.DEFAULT);
    }

    /** Reads records in the shape a contract gives, holding and making no more than the limits allow. */
    public JsonRecordReader(Reader in, JsonShape shape, ReadLimits limits) throws IOException {
        this.limits = limits;
        this.flattener = new JsonFlattener(shape, limits);
        this.text = new RetainingReader(in, limits.recordChars());
        this.parser = JsonSupport.factory(limits).createParser(text);
    }

    @Override
    public SourceRecord next() throws IOException {
        while (pending.isEmpty() && state != State.DONE) {
            try {
                step();
            } catch (JsonProcessingException e) {
                stop(JsonSupport.error(e, parser, 0, limits));
            } catch (RetainingReader.ElementTooLargeException e) {
                stop(JsonSupport.tooLong(parser.currentLocation().getLineNr(), "the JSON element at position " + position,
                        limits));
            } catch (RuntimeException e) {
                // a safety net: the parser is to report bad text as exceptions of its own, never as these
                stop(JsonSupport.unexpected(e, parser, 0));
            }
        }
        return pending.poll();
    }

    private void step() throws IOException {
        switch (state) {
            case START -> {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    stop(JsonErrorKind.SYNTAX.prefix() + " at line 1, column 1: the file holds no JSON value; "
                            + "expected an array of objects or an object");
                } else if (token == JsonToken.START_ARRAY) {
                    state = State.IN_ARRAY;
                    position = 0;
                } else {
                    element(token, "the top-level value");
                    state = State.AFTER_VALUE;
                }
            }
            case IN_ARRAY -> {
                text.keepFrom(parser.currentLocation().getCharOffset());
                position++;
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    position--;
                    state = State.AFTER_VALUE;
                } else {
                    element(token, "element " + position + " of the array");
                }
            }
            case AFTER_VALUE -> {
                text.keepFrom(parser.currentLocation().getCharOffset());
                position++;
                if (parser.nextToken() != null) {
                    stop(JsonSupport.trailing(parser, 0));
                } else {
                    state = State.DONE;
                }
            }
            case DONE -> {
            }
        }
    }

    private void element(JsonToken token, String where) throws IOException {
        if (token == null) {
            // the parser reports an unclosed array itself; this is a safety net
            stop(JsonErrorKind.SYNTAX.prefix() + " at line " + parser.currentLocation().getLineNr()
                    + ": unexpected end of input");
            return;
        }
        long start = parser.currentTokenLocation().getCharOffset();
        text.keepFrom(start);
        if (token == JsonToken.START_OBJECT) {
            element.clear();
            flattener.read(parser, position, text::text, element);
            pending.addAll(element);
        } else {
            if (token.isStructStart()) {
                parser.skipChildren();
            } else {
                // strings are read lazily: read this one to its end, so that the parser's location is after it
                parser.finishToken();
            }
            String raw = text.text(start, parser.currentLocation().getCharOffset());
            pending.add(SourceRecord.unreadable(position, JsonSupport.capped(raw), JsonSupport.notAnObject(token, where)));
        }
    }

    /** Ends the file with an unreadable record holding the text from the current element on. */
    private void stop(String error) {
        String rest = text.rest(JsonSupport.MAX_RAW_LENGTH + 1);
        if (rest.length() > JsonSupport.MAX_RAW_LENGTH) {
            rest = rest.substring(0, JsonSupport.MAX_RAW_LENGTH);
            error += " (the record's text is cut at " + JsonSupport.MAX_RAW_LENGTH + " characters)";
        }
        pending.add(SourceRecord.unreadable(Math.max(position, 1), rest, error));
        state = State.DONE;
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            text.close();
        }
    }
}
