package chibo.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes each token once while it is valid. An agency system or a dashboard sends the same token with every
 * request until it expires, and checking its signature and claims every time was a fifth of a command's work. A
 * token is taken from the cache only before its expiry; after that it goes to the real decoder again, which
 * refuses it as it should. Tokens that fail are never kept.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> decoded = new ConcurrentHashMap<>();

    /** @param capacity tokens kept at most; past it the cache starts again (tokens are few: one per client) */
    public CachingJwtDecoder(JwtDecoder decoder, Clock clock, int capacity) {
        this.decoder = decoder;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = decoded.get(token);
        Instant now = clock.instant();
        if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(now)) {
            return cached;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
            if (decoded.size() >= capacity) {
                decoded.clear();
            }
            decoded.put(token, jwt);
        }
        return jwt;
    }
}
