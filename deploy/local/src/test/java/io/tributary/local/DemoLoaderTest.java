package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The demo loader against a stand-in for the requirements and ingestion APIs, which wants a token from its sign-in. */
class DemoLoaderTest {

    private static final String PASSWORD = "stand-in-password";
    private static final String TOKEN = "stand-in-token";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Long> batches = new ConcurrentHashMap<>();
    private volatile boolean sourceExists;
    private volatile String batchStatus = "COMPLETED";

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void loadsEveryGeneratedFileOnceAndSkipsTheLoadOnTheNextRun(@TempDir Path data) {
        List<String> output = new ArrayList<>();
        DemoLoader loader = new DemoLoader(url(), url(), url(), data, session(), output::add);

        assertTrue(loader.load());
        assertEquals(7, batches.size(), "one batch per generated day");
        assertEquals(7, output.stream().filter(line -> line.contains("COMPLETED")).count());
        assertTrue(Files.exists(data.resolve("demo/.loaded")));
        assertTrue(requests.contains("PUT /api/contracts/sales application/yaml"));
        assertTrue(requests.contains("PUT /api/pipelines/sales application/yaml"));
        assertTrue(requests.contains("POST /api/sources application/json"));
        assertEquals(1, requests.stream().filter(r -> r.startsWith("POST /api/auth/token")).count(),
                "one sign-in for the whole load");

        requests.clear();
        assertFalse(new DemoLoader(url(), url(), url(), data, session(), output::add).load());
        assertEquals(0, requests.stream().filter(r -> r.contains("/files")).count(), "no file is sent twice");
    }

    @Test
    void aFailedBatchIsReportedAndLeavesNoMarker(@TempDir Path data) {
        batchStatus = "FAILED";
        DemoLoader loader = new DemoLoader(url(), url(), url(), data, session(), line -> {
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, loader::load);
        assertTrue(e.getMessage().contains("sales-2024-01-01.csv"), e.getMessage());
        assertFalse(Files.exists(data.resolve("demo/.loaded")));
    }

    @Test
    void theDemoSetIsTheDocumentedOne() {
        var options = DemoLoader.demoOptions();
        assertEquals(42, options.seed());
        assertEquals(2_000, options.rows());
        assertEquals(7, options.days());
        assertEquals("2024-01-01", options.startDate().toString());
        assertTrue(DemoLoader.contractYaml().contains("apiVersion: v3"));
        assertTrue(DemoLoader.pipelineYaml().contains("dataset: sales"));
    }

    @Test
    void aLoadWithoutTheRightPasswordStopsAtTheSignIn(@TempDir Path data) {
        DemoLoader loader = new DemoLoader(url(), url(), url(), data, new Session(url(), "admin", "wrong"), line -> {
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, loader::load);
        assertTrue(e.getMessage().contains("could not sign in as 'admin'"), e.getMessage());
        assertEquals(List.of("POST /api/auth/token application/json"), requests);
    }

    private Session session() {
        return new Session(url(), "admin", PASSWORD);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
        int status = 404;
        String answer = "{}";
        boolean signedIn = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (method.equals("POST") && path.equals("/api/auth/token")) {
            boolean right = new String(body, StandardCharsets.UTF_8)
                    .equals("{\"user\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
            status = right ? 200 : 401;
            answer = right ? "{\"accessToken\":\"" + TOKEN + "\",\"expiresIn\":3600}" : "{}";
        } else if (!signedIn) {
            status = 401;
        } else if (method.equals("PUT") && (path.equals("/api/contracts/sales") || path.equals("/api/pipelines/sales"))) {
            status = 201;
            answer = "{\"version\":1}";
        } else if (method.equals("POST") && path.equals("/api/sources")) {
            status = sourceExists ? 409 : 201;
            sourceExists = true;
        } else if (method.equals("POST") && path.equals("/api/sources/webshop/files")) {
            String id = UUID.randomUUID().toString();
            batches.put(id, new String(body, StandardCharsets.UTF_8).lines().count() - 1);
            exchange.getResponseHeaders().add("Location", "/api/batches/" + id);
            status = 202;
            answer = "{\"id\":\"" + id + "\",\"status\":\"RECEIVED\"}";
        } else if (method.equals("GET") && path.startsWith("/api/batches/")) {
            Long lines = batches.get(path.substring("/api/batches/".length()));
            if (lines != null) {
                status = 200;
                answer = "{\"status\":\"" + batchStatus + "\",\"received\":" + lines + ",\"accepted\":" + lines
                        + ",\"quarantined\":0,\"duplicates\":0}";
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
