package io.tributary.requirements.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/**
 * Who makes a change, as recorded in a requirement's history. Today the caller names themself in the
 * {@value #HEADER} header; once requests are authenticated, the resources pass the authenticated principal's name
 * here instead, and the services, which take the actor as a parameter, do not change.
 */
final class Actor {

    static final String HEADER = "Tributary-Actor";
    private static final int MAX = 200;

    private Actor() {
    }

    /** The caller's name, "unknown" when not given. */
    static String of(String header) {
        return header == null || header.isBlank() ? "unknown" : checked(header);
    }

    /** The caller's name, which a confirmation cannot do without. */
    static String required(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "who confirms must be known",
                    List.of("header '" + HEADER + "': name the person who confirms or asks for changes"));
        }
        return checked(header);
    }

    private static String checked(String header) {
        String name = header.strip();
        if (name.length() > MAX) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the actor is not valid",
                    List.of("header '" + HEADER + "': at most " + MAX + " characters"));
        }
        return name;
    }
}
