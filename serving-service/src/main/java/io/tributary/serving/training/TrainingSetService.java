package io.tributary.serving.training;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.catalog.name.PipelineName;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.serving.masking.Masks;

/**
 * Point-in-time correct training sets: each order line of a period with the customer's and the product's features as
 * they were just before that order (decision 0042).
 */
@ApplicationScoped
public class TrainingSetService {

    private final TrainingSetRepository repository;
    private final ObjectMapper json;
    private final Masks masks;

    public TrainingSetService(TrainingSetRepository repository, ObjectMapper json, Masks masks) {
        this.repository = repository;
        this.json = json;
        this.masks = masks;
    }

    /**
     * A checked request for a training set, ready to be written.
     *
     * @param from the first order time included, or null for the first
     * @param to the first order time excluded, or null for none
     */
    public record TrainingSet(TrainingSetSource source, Instant from, Instant to, TrainingSetFormat format,
            PersonalColumns hidden) {
    }

    /**
     * Checks the request before anything is written.
     *
     * @param from the first order time included (an ISO-8601 instant or date, UTC), or null for the first
     * @param to the first order time excluded, or null for none
     * @throws ProblemException 400 naming each bad parameter, 404 for a pipeline without features or order lines
     */
    public TrainingSet trainingSet(String pipeline, String from, String to, String format, String accept) {
        List<String> problems = new ArrayList<>();
        Instant lower = instant("from", from, problems);
        Instant upper = instant("to", to, problems);
        if (lower != null && upper != null && !lower.isBefore(upper)) {
            problems.add("query parameter 'to': '" + to + "' is not after 'from' (" + from + ")");
        }
        TrainingSetFormat chosen = TrainingSetFormat.chosen(format, accept, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
        }
        TrainingSetSource source = (PipelineName.RULE.accepts(pipeline)
                ? repository.source(pipeline)
                : Optional.<TrainingSetSource>empty())
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                        "pipeline '" + pipeline + "' keeps no order lines to train on",
                        List.of("path parameter 'pipeline': declare features (customer, order, product) on the "
                                + "pipeline")));
        return new TrainingSet(source, lower, upper, chosen, masks.forCaller(pipeline));
    }

    /** Writes every row of the set to the stream as it is read, in order time. */
    public void write(TrainingSet set, OutputStream out) throws IOException {
        TrainingSetWriter writer = new TrainingSetWriter(set.format(), json, out);
        writer.begin();
        repository.stream(set.source(), set.from(), set.to(), masked(set, writer));
        out.flush();
    }

    /**
     * The rows with the order, customer and product masked where the pipeline's field for it is personal: the
     * training set's other columns are counts, sums and times.
     */
    static TrainingSetRepository.RowSink masked(TrainingSet set, TrainingSetRepository.RowSink sink) {
        PersonalColumns hidden = set.hidden();
        TrainingSetSource source = set.source();
        Map<Integer, String> fields = new HashMap<>();
        List<String> names = TrainingSetQuery.COLUMNS.stream().map(TrainingSetQuery.Column::name).toList();
        fields.put(names.indexOf("order"), source.order());
        fields.put(names.indexOf("customer"), source.customer());
        fields.put(names.indexOf("product"), source.product());
        fields.values().removeIf(field -> !hidden.contains(field));
        if (fields.isEmpty()) {
            return sink;
        }
        return values -> {
            fields.forEach((index, field) -> values[index] = hidden.mask(field, values[index]));
            sink.accept(values);
        };
    }

    /** An ISO-8601 instant, date-time with offset, or date (its start in UTC); null when not given. */
    static Instant instant(String parameter, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("query parameter '" + parameter + "': '" + value
                    + "' is not an ISO-8601 date (2024-03-01) or date-time with offset (2024-03-01T00:00:00Z)");
            return null;
        }
    }
}
