package io.tributary.requirements.stakeholder;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook targets alerts may be POSTed to: http(s) URLs without credentials, on a host of the allow-list. An
 * entry {@code *.example.com} allows every host under example.com; {@code *} allows every host.
 */
public record WebhookPolicy(List<String> allowedHosts) {

    public WebhookPolicy {
        allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
    }

    /** Why the URL is refused, or empty when it is allowed. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https webhooks are allowed, found '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("a webhook URL must not carry credentials");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Optional.of("'" + url + "' names no host");
        }
        if (!allowed(host)) {
            return Optional.of("host '" + host + "' is not on the webhook allow-list " + allowedHosts
                    + " (tributary.requirements.webhooks.allowed-hosts)");
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        for (String entry : allowedHosts) {
            if (entry.equals("*") || entry.equals(host)
                    || entry.startsWith("*.") && host.endsWith(entry.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
