package io.tributary.catalog.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * The one exception a service throws to answer with an error: a status, a sentence saying what went wrong, and each
 * problem with where it is. {@link ProblemMapper} turns it into a {@link Problem} body for every service.
 *
 * <pre>{@code
 * throw new ProblemException(Response.Status.NOT_FOUND, "no source named '" + name + "'");
 * throw new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
 * throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Kafka is unavailable")
 *         .header(HttpHeaders.RETRY_AFTER, 5);
 * }</pre>
 *
 * Each problem reads "where: what", where is a JSON path ({@code $.schema[0].name}), a parameter ({@code query
 * parameter 'tz'}) or a line, so that the caller can fix every one at once. A reader that reports every problem of a
 * document may keep its own subclass (as {@code ContractException} does) so that code can catch exactly its failures;
 * it needs no mapper of its own.
 */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final String detail;
    private final List<String> problems;
    private final Map<String, Object> headers = new LinkedHashMap<>();

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(Response.Status status, String detail, List<String> problems) {
        super(problems.isEmpty() ? detail : detail + ": " + String.join("; ", problems));
        this.status = status;
        this.detail = detail;
        this.problems = List.copyOf(problems);
    }

    /** Adds a header to the answer, such as Retry-After or Location; returns this exception, to throw it. */
    public ProblemException header(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    public Response.Status status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** Each problem as "where: what". */
    public List<String> problems() {
        return problems;
    }

    public Map<String, Object> headers() {
        return Map.copyOf(headers);
    }

    /** The body of the answer. */
    public Problem problem() {
        return Problem.of(status, detail, problems);
    }
}
