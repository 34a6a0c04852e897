package chibo.auth;

import chibo.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenIssuingTest {

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    private Http.Response token(String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send("POST", "/oauth2/token", null, "grant_type=client_credentials",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic));
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(payload));
    }

    @Test
    void an_agency_gets_a_token_carrying_its_roles_and_its_subtree() {
        Http.Response response = token("province-agency", "province-secret");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode claims = claims(response.json().get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo("province-agency");
        assertThat(claims.get("roles").values().stream().map(JsonNode::asString).toList())
                .containsExactly("agency-writer");
        assertThat(claims.get("org").asString()).isEqualTo("TQ");
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void an_auditor_token_is_bound_to_no_subtree() {
        JsonNode claims = claims(token("auditor", "auditor-secret").json().get("access_token").asString());

        assertThat(claims.has("org")).isFalse();
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("auditor");
    }

    @Test
    void the_operator_is_a_client_of_its_own_bound_to_no_subtree_and_not_an_auditor() {
        JsonNode claims = claims(token("operator", "operator-secret").json().get("access_token").asString());

        assertThat(claims.has("org")).isFalse();
        assertThat(claims.get("roles").values().stream().map(JsonNode::asString).toList())
                .containsExactly("operator");
    }

    @Test
    void the_data_protection_client_is_bound_to_no_subtree_and_has_only_its_role() {
        JsonNode claims = claims(token("data-protection", "data-protection-secret").json().get("access_token")
                .asString());

        assertThat(claims.has("org")).isFalse();
        assertThat(claims.get("roles").values().stream().map(JsonNode::asString).toList())
                .containsExactly("data-protection");
    }

    @Test
    void repeated_wrong_secrets_slow_the_client_down_until_its_pause_is_over() {
        for (int i = 0; i < RepeatedFailures.FREE; i++) {
            assertThat(token("dashboard", "guess-" + i).status()).isEqualTo(401);
        }

        Http.Response paused = token("dashboard", "dashboard-secret");

        assertThat(paused.status()).as("even the right secret waits out the pause").isEqualTo(429);
        assertThat(Long.parseLong(paused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(paused.body()).doesNotContain("access_token");
        assertThat(token("province-agency", "province-secret").status()).as("other clients go on").isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(token("dashboard", "dashboard-secret").status()).isEqualTo(200));
        assertThat(token("dashboard", "guess").status()).as("a right secret ended the pauses").isEqualTo(401);
    }

    @Test
    void the_pause_doubles_with_each_wrong_secret_up_to_a_minute() {
        assertThat(RepeatedFailures.pause(RepeatedFailures.FREE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RepeatedFailures.pause(RepeatedFailures.FREE + 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RepeatedFailures.pause(RepeatedFailures.FREE + 5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(RepeatedFailures.pause(RepeatedFailures.FREE + 6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RepeatedFailures.pause(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_wrong_secret_gets_no_token() {
        Http.Response response = token("province-agency", "guess");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void the_signing_keys_and_the_discovery_document_are_public() {
        Http.Response keys = http.get("/oauth2/jwks", null);
        Http.Response discovery = http.get("/.well-known/openid-configuration", null);

        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json().get("token_endpoint").asString()).endsWith("/oauth2/token");
    }

    @Test
    void nothing_else_is_served() {
        assertThat(http.get("/anything", null).status()).isIn(401, 403);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }
}
