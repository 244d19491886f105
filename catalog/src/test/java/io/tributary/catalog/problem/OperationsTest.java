package io.tributary.catalog.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.junit.jupiter.api.Test;

class OperationsTest {

    @Path("/api/things")
    @Produces("application/json")
    @Consumes("application/json")
    public static class Things {

        @GET
        public String list() {
            return "";
        }

        @POST
        public String add(String body) {
            return body;
        }

        @PUT
        @Path("/{name}")
        @Consumes({"application/yaml, text/yaml", "application/json"})
        public String put(String body) {
            return body;
        }

        @GET
        @Path("/{name}/versions/{version: [0-9]+}")
        @Produces({"application/yaml", "application/json"})
        public String version() {
            return "";
        }

        public String notAnOperation() {
            return "";
        }
    }

    /** Has no {@code @Path}, so no operations. */
    public static class Helper {

        @GET
        public String get() {
            return "";
        }
    }

    private final Operations operations = Operations.of(List.of(Things.class, Helper.class));

    @Test
    void findsTheMethodsAllowedAtAPathWhateverItsParameters() {
        assertEquals(List.of("GET", "POST"), sorted(operations.methodsAt("/api/things")));
        assertEquals(List.of("GET", "POST"), sorted(operations.methodsAt("/api/things/")));
        assertEquals(List.of("PUT"), operations.methodsAt("/api/things/sales"));
        assertEquals(List.of("GET"), operations.methodsAt("/api/things/sales/versions/12"));
        assertEquals(List.of(), operations.methodsAt("/api/things/sales/versions/latest"));
        assertEquals(List.of(), operations.methodsAt("/api/things/a/b"));
        assertEquals(List.of(), operations.methodsAt("/api/other"));
    }

    @Test
    void readsTheTypesOfTheMethodOverThoseOfItsClass() {
        assertEquals(List.of("application/json"), operations.consumed("POST", "/api/things"));
        assertEquals(List.of("application/yaml", "text/yaml", "application/json"),
                operations.consumed("PUT", "/api/things/sales"));
        assertEquals(List.of("application/yaml", "application/json"),
                operations.produced("GET", "/api/things/sales/versions/3"));
        assertEquals(List.of(), operations.consumed("DELETE", "/api/things"));
    }

    @Test
    void quotesTheLiteralPartsOfATemplate() {
        assertTrue(Operations.regex("/api/a.b/{x}").matcher("/api/a.b/1").matches());
        assertFalse(Operations.regex("/api/a.b/{x}").matcher("/api/aXb/1").matches());
    }

    private static List<String> sorted(List<String> methods) {
        return methods.stream().sorted().toList();
    }
}
