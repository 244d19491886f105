package io.tributary.catalog.problem;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The one mapper of errors to {@link Problem} bodies ({@value Problem#MEDIA_TYPE}), for every service: it lives in the
 * catalog, whose Jandex index every service reads, so no service declares a mapper of its own.
 * <ul>
 * <li>a {@link ProblemException} (and its subclasses) answers with its status, detail, problems and headers;
 * <li>the framework's own errors keep their status and say what the operation takes: unknown path 404, 405 with the
 * methods the path allows, 406 with the types it answers in, 415 with the types it takes, unreadable JSON 400 with
 * where;
 * <li>a unique constraint that a concurrent request won answers 409: nothing of this request was stored;
 * <li>the database out of reach for a moment ({@link DatabaseUnavailable}: no connection in time, a lost connection,
 * PostgreSQL out of resources or restarting) answers 503 with Retry-After: the request may succeed when sent again;
 * <li>anything else is a 500 that says nothing of the cause; the cause is logged with the id the answer gives.
 * </ul>
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** How long a caller is asked to wait when the database could not be reached in time. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 2;

    private final BeanManager beans;
    private volatile Operations operations;

    public ProblemMapper(BeanManager beans) {
        this.beans = beans;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = answer(e.status(), e.problem());
        e.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(HttpHeaders.LOCATION) && value instanceof URI uri) {
                response.location(uri); // resolved against the service's base URI, as every other Location is
            } else {
                response.header(name, value);
            }
        });
        return response.build();
    }

    /** 404 for unknown paths, 405, 406, 415 and unreadable bodies: the framework decides, this says why. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return unexpected(status, e);
        }
        String method = request.getMethod();
        String path = uri.getPath();
        Problem problem = switch (status.getStatusCode()) {
            case 400 -> unreadable(status, e);
            case 404 -> Problem.of(status, "nothing is found at " + path, List.of());
            case 405 -> Problem.of(status, method + " is not allowed on " + path + allowed(path), List.of());
            case 406 -> Problem.of(status, "cannot answer in " + quoted(headers.getHeaderString(HttpHeaders.ACCEPT))
                    + types(method, path, " answers in ", operations().produced(method, path)), List.of());
            case 415 -> Problem.of(status, unsupported(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), method,
                    path), List.of());
            default -> Problem.of(status, message(e, status), List.of());
        };
        return Response.fromResponse(original).entity(problem).type(Problem.MEDIA_TYPE).build();
    }

    /** A JSON body of the wrong shape: where it is, and what was expected there. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return answer(Response.Status.BAD_REQUEST, Problem.of(Response.Status.BAD_REQUEST,
                "the body does not have the expected shape", List.of(path(e) + ": must be " + expected(e))))
                .build();
    }

    /** Another request stored the same key first; this one stored nothing and can be sent again. */
    @ServerExceptionMapper
    public Response concurrentChange(ConstraintViolationException e) {
        if (e.getKind() != ConstraintViolationException.ConstraintKind.UNIQUE) {
            return unexpected(Response.Status.INTERNAL_SERVER_ERROR, e);
        }
        LOG.debugf("concurrent change refused: %s", e.getMessage());
        return answer(Response.Status.CONFLICT, Problem.of(Response.Status.CONFLICT,
                "another request changed the same data at the same time, so nothing of this one was stored; send it "
                        + "again",
                List.of())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.is(e)) {
            LOG.warnf("database unavailable: %s", e);
            return answer(Response.Status.SERVICE_UNAVAILABLE, Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "the database could not be reached in time (busy or restarting); send the request again after "
                            + "Retry-After seconds",
                    List.of())).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        return unexpected(Response.Status.INTERNAL_SERVER_ERROR, e);
    }

    private static Response unexpected(Response.StatusType status, Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "error %s: %s", id, e);
        return answer(status, Problem.of(status, "the service failed to answer; its log has the cause as error " + id,
                List.of())).build();
    }

    private static Response.ResponseBuilder answer(Response.StatusType status, Problem problem) {
        return Response.status(status).entity(problem).type(Problem.MEDIA_TYPE);
    }

    private static Problem unreadable(Response.StatusType status, WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Problem.of(status, "the body is not valid JSON",
                    List.of("$: not valid JSON" + where + ": " + json.getOriginalMessage()));
        }
        return Problem.of(status, message(e, status), List.of());
    }

    private String allowed(String path) {
        List<String> methods = operations().methodsAt(path);
        return methods.isEmpty() ? "" : "; it allows " + String.join(", ", methods);
    }

    private String unsupported(String contentType, String method, String path) {
        String takes = types(method, path, " takes ", operations().consumed(method, path));
        return contentType == null
                ? "a Content-Type header is required" + takes
                : "Content-Type " + quoted(contentType) + " is not taken here" + takes;
    }

    private static String types(String method, String path, String verb, List<String> types) {
        return types.isEmpty() ? "" : ": " + method + " " + path + verb + String.join(", ", types);
    }

    private static String message(WebApplicationException e, Response.StatusType status) {
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP " + status.getStatusCode())
                ? status.getReasonPhrase()
                : message;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    /** The JSON path of the value that could not be read, such as {@code $.options.delimiter} or {@code $[2]}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a Java type reads from, in JSON's words: the caller knows JSON, not our classes. */
    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class
                && type != char.class)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == char.class
                || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private Operations operations() {
        Operations known = operations;
        if (known == null) {
            known = Operations.of(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .<Class<?>>map(Bean::getBeanClass)
                    .toList());
            operations = known;
        }
        return known;
    }
}
