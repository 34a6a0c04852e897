package chibo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads the header exactly as Spring Security's default resolver does, which is the reference here. */
class HeaderBearerTokenResolverTest {

    private static final String JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJwcm92aW5jZS1hZ2VuY3kifQ"
            + ".c2lnbmF0dXJlLWJ5dGVzLWhlcmU_-~+/";

    private static String reference(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return new DefaultBearerTokenResolver().resolve(request);
    }

    private static String resolved(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return new HeaderBearerTokenResolver().resolve(request);
    }

    private static Object outcome(java.util.function.Supplier<String> resolve) {
        try {
            return resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused: " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }

    @Test
    void a_bearer_token_is_read_in_any_case_of_the_scheme_with_its_padding() {
        assertThat(resolved("Bearer " + JWT)).isEqualTo(JWT);
        assertThat(resolved("bearer " + JWT + "==")).isEqualTo(JWT + "==");
        assertThat(resolved("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void another_scheme_or_no_header_is_no_bearer_token_and_a_malformed_one_is_refused() {
        assertThat(resolved(null)).isNull();
        assertThat(resolved("Basic dXNlcjpwYXNz")).isNull();
        for (String malformed : List.of("Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer abc=d",
                "Bearer =", "Bearer abc\t", "Bearerabc", "Bearer ab\u00e9c")) {
            assertThatThrownBy(() -> resolved(malformed)).as(malformed)
                    .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("malformed");
        }
    }

    @Test
    void on_thousands_of_header_values_it_answers_what_spring_securitys_default_answers() {
        Random random = new Random(20261207);
        String alphabet = "aZ09-._~+/= \t\u00e9Bbearer,;";
        List<String> values = new ArrayList<>(List.of("Bearer " + JWT, "bearer x", "Bearer", "Bearer ", "Token x"));
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean()
                    ? "bearer" : "");
            for (int length = random.nextInt(12); length > 0; length--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        for (String value : values) {
            assertThat(outcome(() -> resolved(value))).as("[" + value + "]").isEqualTo(outcome(() -> reference(value)));
        }
    }
}
