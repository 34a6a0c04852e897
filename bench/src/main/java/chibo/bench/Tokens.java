package chibo.bench;

import chibo.localstack.ApiClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Demo clients' tokens, fetched again before they expire (they live an hour; a full-size run lasts longer). */
final class Tokens {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(30);

    private record Token(String value, long fetchedAt) {
    }

    private final String authUrl;
    private final Map<String, Token> tokens = new HashMap<>();

    Tokens(String authUrl) {
        this.authUrl = authUrl;
    }

    /** The writer for the whole country. */
    String writer() {
        return of("central-agency", "central-secret");
    }

    /** The reader for the whole country. */
    String dashboard() {
        return of("dashboard", "dashboard-secret");
    }

    String auditor() {
        return of("auditor", "auditor-secret");
    }

    /** Rebuilds and switches the figures. */
    String operator() {
        return of("operator", "operator-secret");
    }

    String metrics() {
        return of("prometheus", "prometheus-secret");
    }

    private synchronized String of(String clientId, String secret) {
        Token token = tokens.get(clientId);
        if (token == null || System.nanoTime() - token.fetchedAt() > REFRESH_AFTER.toNanos()) {
            token = new Token(ApiClient.token(authUrl, clientId, secret), System.nanoTime());
            tokens.put(clientId, token);
        }
        return token.value();
    }
}
