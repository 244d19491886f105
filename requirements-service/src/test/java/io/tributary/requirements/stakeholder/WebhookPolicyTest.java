package io.tributary.requirements.stakeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WebhookPolicyTest {

    private final WebhookPolicy policy = new WebhookPolicy(List.of("hooks.example.com", "*.corp.test", "127.0.0.1"));

    @Test
    void allowsHttpAndHttpsOnListedHosts() {
        assertEquals(Optional.empty(), policy.refusal("https://hooks.example.com/alerts"));
        assertEquals(Optional.empty(), policy.refusal("http://127.0.0.1:9999/hook"));
        assertEquals(Optional.empty(), policy.refusal("https://chat.eu.corp.test/x"));
    }

    @Test
    void refusesOtherSchemesHostsAndCredentials() {
        assertTrue(policy.refusal("file:///etc/passwd").orElseThrow().startsWith("only http and https"));
        assertTrue(policy.refusal("gopher://hooks.example.com/").orElseThrow().startsWith("only http and https"));
        assertTrue(policy.refusal("https://evil.example.org/").orElseThrow().contains("not on the webhook allow-list"));
        assertTrue(policy.refusal("https://corp.test.evil.org/").orElseThrow().contains("not on the webhook allow-list"));
        assertEquals(Optional.of("a webhook URL must not carry credentials"),
                policy.refusal("https://user:secret@hooks.example.com/"));
        assertTrue(policy.refusal("not a url with spaces").orElseThrow().contains("is not a URL"));
    }
}
