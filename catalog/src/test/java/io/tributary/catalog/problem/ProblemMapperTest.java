package io.tributary.catalog.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(null);

    record Definition(String name, Map<String, String> options, BigDecimal share, List<String> keys) {
    }

    @Test
    void answersProblemWithItsStatusDetailProblemsAndHeaders() {
        Response response = mapper.problem(new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                "Kafka is unavailable", List.of("batch 7: set aside as FAILED")).header(HttpHeaders.RETRY_AFTER, 3));

        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("3", response.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals(new Problem("about:blank", "Service Unavailable", 503, "Kafka is unavailable",
                List.of("batch 7: set aside as FAILED")), response.getEntity());
    }

    @Test
    void answersUnexpectedFailureWith500ThatTellsNothingOfItsCause() {
        Response response = mapper.unexpected(new IllegalStateException("password=hunter2 at db.internal:5432"));

        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Internal Server Error", problem.title());
        assertFalse(problem.detail().contains("hunter2"), problem.detail());
        assertFalse(problem.detail().contains("IllegalState"), problem.detail());
        assertTrue(problem.detail().matches(".*error [0-9a-f-]{36}$"), problem.detail());
        assertEquals(List.of(), problem.problems());
    }

    @Test
    void answersADatabaseOutOfReachWith503AndRetryAfterInsteadOf500() {
        Response response = mapper.unexpected(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")));

        assertEquals(503, response.getStatus());
        assertEquals(String.valueOf(ProblemMapper.DATABASE_RETRY_AFTER_SECONDS),
                response.getHeaderString(HttpHeaders.RETRY_AFTER));
        Problem problem = (Problem) response.getEntity();
        assertTrue(problem.detail().contains("database could not be reached"), problem.detail());
        assertFalse(problem.detail().contains("acquisition"), problem.detail());
    }

    @Test
    void answersJsonOfTheWrongShapeWithWhereAndWhatWasExpected() {
        assertEquals(List.of("$.options: must be an object"), mismatched("{\"options\": [1]}"));
        assertEquals(List.of("$.share: must be a number"), mismatched("{\"share\": \"lots\"}"));
        assertEquals(List.of("$.keys: must be an array"), mismatched("{\"keys\": {\"a\": 1}}"));
        assertEquals(List.of("$.keys[1]: must be a string"), mismatched("{\"keys\": [\"a\", {\"b\": 1}]}"));
    }

    @Test
    void answersLostRaceForAUniqueKeyWith409AndAnyOtherViolationWith500() {
        Response lost = mapper.concurrentChange(new ConstraintViolationException("duplicate key", new SQLException(),
                ConstraintViolationException.ConstraintKind.UNIQUE, "dataset_name_key"));
        assertEquals(409, lost.getStatus());
        assertTrue(((Problem) lost.getEntity()).detail().contains("send it again"));

        Response bug = mapper.concurrentChange(new ConstraintViolationException("null value", new SQLException(),
                ConstraintViolationException.ConstraintKind.NOT_NULL, "name"));
        assertEquals(500, bug.getStatus());
    }

    @Test
    void problemExceptionSaysItsDetailAndEveryProblemInItsMessage() {
        ProblemException e = new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters",
                List.of("query parameter 'tz': unknown", "query parameter 'grain': unknown"));
        assertEquals("invalid query parameters: query parameter 'tz': unknown; query parameter 'grain': unknown",
                e.getMessage());
        assertEquals(Response.Status.BAD_REQUEST, e.status());
        assertEquals("Bad Request", e.problem().title());
    }

    private List<String> mismatched(String json) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> new ObjectMapper().readValue(json, Definition.class));
        Response response = mapper.mismatched(e);
        assertEquals(400, response.getStatus());
        return ((Problem) response.getEntity()).problems();
    }
}
