package io.tributary.serving.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * Shows that an export is streamed from PostgreSQL rather than read whole first: while the client has read only the
 * beginning of an answer far larger than the network's buffers, the statement that reads the rows is still open in
 * PostgreSQL (its transaction idle between fetches, or active). An answer read whole before being written would have
 * closed it before the first byte left.
 */
final class StreamedExport {

    private final DataSource dataSource;

    StreamedExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Reads the first bytes of the answer, sees the statement containing {@code statementText} open, reads the rest, and
     * sees it closed.
     *
     * @return the number of line breaks in the answer
     */
    long readWhileOpen(URI uri, String token, String statementText) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[4096];
            int read = body.readNBytes(buffer, 0, buffer.length);
            assertEquals(buffer.length, read, "the answer has a beginning");
            assertTrue(eventually(statementText, true), "the statement reading the rows is open while the client "
                    + "has read " + read + " bytes");
            long lines = count(buffer, read);
            while ((read = body.read(buffer)) >= 0) {
                lines += count(buffer, read);
            }
            assertTrue(eventually(statementText, false), "the statement is closed once the answer is read");
            return lines;
        }
    }

    private static long count(byte[] buffer, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private boolean eventually(String statementText, boolean open) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (open(statementText) == open) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private boolean open(String statementText) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity "
                        + "where pid <> pg_backend_pid() and state in ('active', 'idle in transaction') "
                        + "and strpos(query, ?) > 0")) {
            query.setString(1, statementText);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }
}
