package io.tributary.serving.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.serving.mapping.MetricsCsv;
import io.tributary.serving.repository.AggregateRepository;

/**
 * Metrics answers streamed as CSV, of any size: the rows pass from a PostgreSQL cursor to the response as they come,
 * with no ceiling on their number (decision 0049). Not transactional: the read holds its own connection while it
 * writes.
 */
@ApplicationScoped
public class MetricsExportService {

    /** The response header that says how current a streamed answer is, as an ISO-8601 instant. */
    public static final String CURRENT_AS_OF = "Current-As-Of";

    private final AggregateRepository aggregates;

    public MetricsExportService(AggregateRepository aggregates) {
        this.aggregates = aggregates;
    }

    /**
     * The format a request asks for.
     *
     * @throws ProblemException 400 when the format parameter names none
     */
    public MetricsFormat format(String format, String accept) {
        List<String> problems = new ArrayList<>();
        MetricsFormat chosen = MetricsFormat.chosen(format, accept, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
        }
        return chosen;
    }

    /** Writes every row of the answer as CSV, as it is read. */
    public void writeCsv(MetricsExport export, OutputStream out) throws IOException {
        MetricsCsv csv = new MetricsCsv(export, out);
        MetricsQuery query = export.query();
        aggregates.streamSums(export.table(), query.groupBy(), MetricsService.period(query.grain()), query.from(),
                query.to(), query.timeZone(), row -> csv.row(MetricsService.masked(row, query.groupBy(), export.hidden())));
        out.flush();
    }
}
