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
 * Records of newline-delimited JSON: one JSON object per line (LF, CRLF or CR ends a line); the position is the line
 * number. Blank lines (nothing but spaces and tabs) are skipped. An object gives one record, or one per element of the
 * array its {@link JsonShape} explodes, all on its line (see {@link JsonFlattener} for the values, the flattening and
 * the explode rule).
 * A line that is not JSON, holds more than one value, or goes past a limit gives one unreadable record (its raw text
 * is the line, at most {@value JsonSupport#MAX_RAW_LENGTH} characters), and reading goes on with the next line. A line
 * that holds valid JSON other than an object is unreadable too, with an error that starts with
 * {@link JsonErrorKind#NOT_AN_OBJECT}. Lines longer than {@link ReadLimits#recordChars()} characters are not held
 * whole.
 */
public final class NdjsonRecordReader implements RecordReader {

    private final Reader in;
    private final LineReader lines;
    private final JsonFlattener flattener;
    private final ReadLimits limits;
    private final ArrayDeque<SourceRecord> pending = new ArrayDeque<>();
    private final List<SourceRecord> element = new ArrayList<>();

    /** Reads records flattened whole, no array exploded, within the default limits. */
    public NdjsonRecordReader(Reader in) {
        this(in, JsonShape.FLAT);
    }

    /** Reads records in the shape a contract gives: which array is exploded, which objects are kept whole. */
    public NdjsonRecordReader(Reader in, JsonShape shape) {
        this(in, shape, ReadLimits.DEFAULT);
    }

    /** Reads records in the shape a contract gives, holding and making no more than the limits allow. */
    public NdjsonRecordReader(Reader in, JsonShape shape, ReadLimits limits) {
        this.in = in;
        this.limits = limits;
        this.flattener = new JsonFlattener(shape, limits);
        this.lines = new LineReader(in, limits.recordChars());
    }

    @Override
    public SourceRecord next() throws IOException {
        while (pending.isEmpty()) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            if (line.cut()) {
                pending.add(SourceRecord.unreadable(line.number(), JsonSupport.capped(line.text()),
                        JsonSupport.tooLong(line.number(), "the line", limits)));
            } else if (!isBlank(line.text())) {
                read(line.number(), line.text());
            }
        }
        return pending.poll();
    }

    private void read(long number, String text) throws IOException {
        JsonParser parser = JsonSupport.factory(limits).createParser(text);
        try {
            JsonToken token = parser.nextToken();
            String problem = null;
            element.clear();
            if (token == JsonToken.START_OBJECT) {
                flattener.read(parser, number, (from, to) -> text.substring((int) from, (int) to), element);
            } else {
                parser.skipChildren();
                problem = JsonSupport.notAnObject(token, "line " + number);
            }
            if (parser.nextToken() != null) {
                problem = JsonSupport.trailing(parser, number);
            }
            if (problem != null) {
                pending.add(SourceRecord.unreadable(number, JsonSupport.capped(text), problem));
            } else {
                pending.addAll(element);
            }
        } catch (JsonProcessingException e) {
            pending.add(
                    SourceRecord.unreadable(number, JsonSupport.capped(text), JsonSupport.error(e, parser, number, limits)));
        } catch (RuntimeException e) {
            // a safety net: the parser is to report bad text as exceptions of its own, never as these
            pending.add(SourceRecord.unreadable(number, JsonSupport.capped(text), JsonSupport.unexpected(e, parser, number)));
        } finally {
            parser.close();
        }
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
