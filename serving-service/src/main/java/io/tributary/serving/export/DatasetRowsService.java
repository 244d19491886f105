package io.tributary.serving.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.name.PipelineName;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.serving.config.ExportConfig;
import io.tributary.serving.masking.Masks;

/**
 * A pipeline's curated rows a page at a time, in key order, each page streamed as it is read (decision 0049). A page
 * is the range of keys after its cursor through the key of its {@code limit}-th row: pages follow each other without
 * a gap or an overlap however many rows are added meanwhile.
 */
@ApplicationScoped
public class DatasetRowsService {

    /** The query parameter that says how many rows a page holds. */
    public static final String LIMIT = "limit";

    private final DatasetRowsRepository repository;
    private final ExportConfig config;
    private final ObjectMapper json;
    private final Masks masks;

    public DatasetRowsService(DatasetRowsRepository repository, ExportConfig config, ObjectMapper json, Masks masks) {
        this.repository = repository;
        this.config = config;
        this.json = json;
        this.masks = masks;
    }

    /**
     * Checks a request for a page and sets where it ends.
     *
     * @throws ProblemException 400 naming each bad parameter, 404 for a pipeline with no curated table
     */
    public DatasetPage page(String pipeline, String cursor, String limit) {
        PipelineName.of("path parameter 'pipeline'", pipeline);
        List<String> problems = new ArrayList<>();
        String after = RowCursor.key(cursor, problems);
        int rows = limit(limit, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
        }
        List<DatasetColumn> columns = repository.columns(pipeline)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                        "pipeline '" + pipeline + "' has no curated rows",
                        List.of("path parameter 'pipeline': no pipeline named '" + pipeline + "' has written "
                                + "its curated table yet")));
        String through = repository.pageEnd(pipeline, after, rows).orElse(null);
        return new DatasetPage(pipeline, columns, after, through, rows, masks.forCaller(pipeline));
    }

    /**
     * Writes the page as one JSON object, its rows as they are read: {@code pipeline}, {@code limit}, {@code next}
     * (the cursor of the next page, null after the last), {@code columns}, then {@code rows}, an object per row, each
     * on a line of its own.
     */
    public void write(DatasetPage page, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartObject();
            generator.writeStringField("pipeline", page.pipeline());
            generator.writeNumberField("limit", page.limit());
            generator.writeStringField("next", page.next());
            generator.writeArrayFieldStart("columns");
            for (DatasetColumn column : page.columns()) {
                generator.writeString(column.name());
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("rows");
            repository.stream(page, values -> {
                generator.writeRaw('\n');
                generator.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    String column = page.columns().get(i).name();
                    generator.writeFieldName(column);
                    value(generator, page.hidden().mask(column, values[i]));
                }
                generator.writeEndObject();
            });
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private static void value(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof BigDecimal number) {
            generator.writeNumber(number.toPlainString());
        } else {
            generator.writeObject(value);
        }
    }

    private int limit(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return config.defaultLimit();
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= config.maxLimit()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add("query parameter '" + LIMIT + "': '" + value + "' is not a whole number from 1 to "
                + config.maxLimit());
        return 0;
    }
}
