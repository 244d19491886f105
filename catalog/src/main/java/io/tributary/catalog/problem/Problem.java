package io.tributary.catalog.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/**
 * The body of every error answer of every service: RFC 9457 problem details, sent as {@value #MEDIA_TYPE}.
 * <p>
 * Every problem is of the one type {@code about:blank}, so its title is the HTTP reason phrase of its status (RFC 9457,
 * section 4.2.1); what went wrong is in {@code detail}, and where in {@code problems}.
 *
 * @param type always {@code about:blank}
 * @param title the reason phrase of the status, such as "Not Found"
 * @param status the HTTP status code, repeated for clients that only keep the body
 * @param detail what went wrong this time, in a sentence meant for the caller
 * @param problems each problem and where it is, as "where: what" (a JSON path, a parameter, a line); empty when the
 *        detail says it all
 */
public record Problem(String type, String title, int status, String detail, List<String> problems) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE = "about:blank";

    public Problem {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static Problem of(Response.StatusType status, String detail, List<String> problems) {
        return new Problem(TYPE, status.getReasonPhrase(), status.getStatusCode(), detail, problems);
    }
}
