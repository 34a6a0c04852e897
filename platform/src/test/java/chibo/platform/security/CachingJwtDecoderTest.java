package chibo.platform.security;

import chibo.testsupport.MovingClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once while it is valid; an expired or bad one always goes to the real decoder. */
class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private final JwtDecoder real = token -> {
        verified.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        Instant expires = token.startsWith("short") ? NOW.plusSeconds(60) : NOW.plusSeconds(3600);
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("agency").issuedAt(NOW.minusSeconds(1))
                .expiresAt(expires).build();
    };

    @Test
    void a_valid_token_is_verified_once_until_it_expires() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(real, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode("token-a").getSubject()).isEqualTo("agency");
        }
        decoder.decode("token-b");

        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void after_its_expiry_a_token_goes_to_the_real_decoder_again() {
        MovingClock clock = new MovingClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(real, clock, 10);

        decoder.decode("short-lived");
        decoder.decode("short-lived");
        clock.set(NOW.plusSeconds(61));
        decoder.decode("short-lived");

        assertThat(verified).containsExactly("short-lived", "short-lived");
    }

    @Test
    void a_bad_token_is_refused_every_time_and_never_kept() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(real, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        assertThatThrownBy(() -> decoder.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-1")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("bad-1", "bad-1");
    }
}
