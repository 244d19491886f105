package io.tributary.local;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed-in client of the suite: signs in to the requirements service with a name and a password, and keeps the
 * token, signing in again before it expires. The demo loader, the system test and the benchmarks call the services
 * through one.
 */
public final class Session {

    private final String requirementsUrl;
    private final String user;
    private final String password;
    private final Http http = new Http(Duration.ofMinutes(1));
    private String token;
    private Instant renewAt = Instant.MIN;

    public Session(String requirementsUrl, String user, String password) {
        this.requirementsUrl = requirementsUrl;
        this.user = user;
        this.password = password;
    }

    /** The admin's session on a running suite. */
    public static Session admin(Suite suite) {
        return new Session(suite.requirementsUrl(), AdminPassword.USER, suite.adminPassword().password());
    }

    /** A valid token, signing in when there is none or it is past half its lifetime. */
    public synchronized String token() {
        Instant now = Instant.now();
        if (token == null || !now.isBefore(renewAt)) {
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("user", user);
            credentials.put("password", password);
            Http.Response response = http.post(requirementsUrl + "/api/auth/token", "application/json",
                    Http.json(credentials));
            if (response.status() != 200) {
                throw new IllegalStateException("could not sign in as '" + user + "': POST " + requirementsUrl
                        + "/api/auth/token answered " + response.status() + ": " + response.body());
            }
            JsonNode answer = response.json();
            token = answer.path("accessToken").asText();
            renewAt = now.plusSeconds(Math.max(1, answer.path("expiresIn").asLong() / 2));
        }
        return token;
    }

    /** The value of the Authorization header that carries the token. */
    public String authorization() {
        return "Bearer " + token();
    }
}
