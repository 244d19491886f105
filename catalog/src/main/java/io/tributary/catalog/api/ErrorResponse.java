package io.tributary.catalog.api;

import java.util.List;

/**
 * The body of every error answer of every service (4xx, and 503 while a dependency is unavailable).
 *
 * @param error what went wrong, in a sentence
 * @param details each problem and where it is (a JSON path, a parameter, a line)
 */
public record ErrorResponse(String error, List<String> details) {

    public static ErrorResponse of(String error) {
        return new ErrorResponse(error, List.of());
    }
}
