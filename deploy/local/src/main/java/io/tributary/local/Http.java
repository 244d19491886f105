package io.tributary.local;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small blocking HTTP client for the launcher's own calls to the services. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Duration timeout;
    private final Supplier<String> authorization;

    Http(Duration timeout) {
        this(timeout, () -> null);
    }

    /** @param authorization the Authorization header of every request, such as {@link Session#authorization()} */
    Http(Duration timeout, Supplier<String> authorization) {
        this.timeout = timeout;
        this.authorization = authorization;
    }

    record Response(String method, String url, int status, String body, String location) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + url + " answered " + status + " with a body that is "
                        + "not JSON: " + abbreviate(body), e);
            }
        }

        IllegalStateException unexpected() {
            return new IllegalStateException(method + " " + url + " answered " + status + ": " + abbreviate(body));
        }
    }

    Response get(String url) {
        return send("GET", url, null, HttpRequest.BodyPublishers.noBody());
    }

    Response put(String url, String contentType, String body) {
        return send("PUT", url, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    Response post(String url, String contentType, String body) {
        return send("POST", url, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    /** A JSON POST made in someone's name, as the requirements service records who did what. */
    Response postAs(String url, String body, String actor) {
        return send("POST", url, "application/json", HttpRequest.BodyPublishers.ofString(body), actor);
    }

    Response postFile(String url, String contentType, Path file) {
        try {
            return send("POST", url, contentType, HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(String method, String url, String contentType, HttpRequest.BodyPublisher body) {
        return send(method, url, contentType, body, null);
    }

    private Response send(String method, String url, String contentType, HttpRequest.BodyPublisher body,
            String actor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (actor != null) {
            request.header("Tributary-Actor", actor);
        }
        String credentials = authorization.get();
        if (credentials != null) {
            request.header("Authorization", credentials);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, url, response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + url, e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "...";
    }
}
