package dev.waiver.app.cluster;

import io.fabric8.kubernetes.client.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/// Removes credentials from text that came from outside (an API server's error message) before it is
/// shown, logged or audited. A well-behaved server never echoes a token, but a proxy or a misconfigured
/// webhook can, and the audit log is exported to people who must never see one.
///
/// The secrets are read from the client's configuration on every call, because a token refresh
/// replaces the token in place.
final class Redaction {

    static final String MARK = "[redacted]";
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /// Shorter strings than this are not searched for: they could be ordinary words.
    private static final int SHORTEST_SECRET = 6;

    private final Config config;

    Redaction(Config config) {
        this.config = config;
    }

    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String result = text;
        for (String secret : secrets()) {
            result = result.replace(secret, MARK);
        }
        result = BEARER.matcher(result).replaceAll("$1 " + MARK);
        return JWT.matcher(result).replaceAll(MARK);
    }

    private List<String> secrets() {
        var found = new ArrayList<String>();
        if (config == null) {
            return found;
        }
        for (String value : new String[] {config.getOauthToken(), config.getAutoOAuthToken(), config.getPassword(),
                config.getClientKeyData(), config.getClientCertData(), config.getClientKeyPassphrase()}) {
            if (value != null && value.length() >= SHORTEST_SECRET) {
                found.add(value);
            }
        }
        return found;
    }
}
