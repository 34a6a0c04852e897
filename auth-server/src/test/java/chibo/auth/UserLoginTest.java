package chibo.auth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person logs into the dashboard the way a browser does: the authorization request sends them to the login form,
 * the form sends them back with a code, and the dashboard exchanges the code with its secret and the PKCE verifier.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserLoginTest {

    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/chibo";
    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpClient browser;

    @BeforeEach
    void freshBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void a_province_reader_logs_in_and_the_dashboard_gets_tokens_carrying_the_readers_role_and_subtree() {
        String code = logIn("province-reader", "demo", challenge(VERIFIER));

        HttpResponse<String> tokens = exchange(code, VERIFIER);

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(tokens.body());
        JsonNode access = claims(body.get("access_token").asString());
        assertThat(access.get("sub").asString()).isEqualTo("province-reader");
        assertThat(access.get("roles").get(0).asString()).isEqualTo("dashboard-reader");
        assertThat(access.get("org").asString()).isEqualTo("TQ");
        JsonNode id = claims(body.get("id_token").asString());
        assertThat(id.get("org").asString()).isEqualTo("TQ");
        assertThat(id.get("name").asString()).isEqualTo("Ban Tổ chức Tỉnh ủy Tuyên Quang");
        assertThat(body.has("refresh_token")).isTrue();
    }

    @Test
    void the_code_is_worthless_without_the_verifier_the_dashboard_started_with() {
        String code = logIn("commune-reader", "demo", challenge(VERIFIER));

        HttpResponse<String> tokens = exchange(code, VERIFIER.replace('a', 'b'));

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(tokens.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    @Test
    void an_authorization_request_without_pkce_is_refused() {
        HttpResponse<String> login = loginForm();
        post("/login", Map.of("username", "commune-reader", "password", "demo", "_csrf", csrf(login.body())));

        HttpResponse<String> authorize = send(HttpRequest.newBuilder(uri(authorizePath(null))).GET());

        assertThat(authorize.statusCode()).isIn(302, 400);
        assertThat(location(authorize)).doesNotContain("code=").contains("error=invalid_request");
    }

    @Test
    void repeated_wrong_passwords_slow_the_user_down_and_the_right_one_after_the_pause_logs_in() {
        for (int i = 0; i < RepeatedFailures.FREE; i++) {
            HttpResponse<String> refused = post("/login", Map.of("username", "central-reader", "password",
                    "guess-" + i, "_csrf", csrf(loginForm().body())));
            assertThat(location(refused)).endsWith("/login?error");
        }

        HttpResponse<String> paused = post("/login", Map.of("username", "central-reader", "password", "demo",
                "_csrf", csrf(loginForm().body())));

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After")).isPresent();
        assertThat(paused.body()).contains("Too many wrong passwords");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> again = post("/login", Map.of("username", "central-reader", "password", "demo",
                    "_csrf", csrf(loginForm().body())));
            return again.statusCode() == 302 && !location(again).contains("?error");
        });
    }

    @Test
    void a_wrong_password_does_not_log_in() {
        HttpResponse<String> login = loginForm();

        HttpResponse<String> refused = post("/login", Map.of("username", "province-reader", "password", "guess",
                "_csrf", csrf(login.body())));

        assertThat(location(refused)).endsWith("/login?error");
    }

    @Test
    void an_auditor_logs_in_with_no_subtree_and_a_client_token_still_carries_the_clients_claims() {
        JsonNode auditor = claims(JsonMapper.builder().build().readTree(
                exchange(logIn("auditor", "demo", challenge(VERIFIER)), VERIFIER).body()).get("access_token")
                .asString());

        assertThat(auditor.get("roles").get(0).asString()).isEqualTo("auditor");
        assertThat(auditor.has("org")).isFalse();
    }

    private String logIn(String username, String password, String challenge) {
        HttpResponse<String> first = send(HttpRequest.newBuilder(uri(authorizePath(challenge))).GET()
                .header("Accept", "text/html"));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/login");
        HttpResponse<String> form = loginForm();
        HttpResponse<String> loggedIn = post("/login", Map.of("username", username, "password", password,
                "_csrf", csrf(form.body())));
        assertThat(location(loggedIn)).as("back to the authorization request").contains("/oauth2/authorize");
        HttpResponse<String> authorized = send(HttpRequest.newBuilder(URI.create(location(loggedIn))).GET());
        String redirect = location(authorized);
        assertThat(redirect).startsWith(REDIRECT + "?code=");
        return redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    private HttpResponse<String> exchange(String code, String verifier) {
        String basic = Base64.getEncoder().encodeToString("dashboard-web:dashboard-web-secret"
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoded.of(code), "redirect_uri", REDIRECT, "code_verifier", verifier)))));
    }

    private static String authorizePath(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "dashboard-web");
        parameters.put("scope", "openid profile");
        parameters.put("redirect_uri", REDIRECT);
        parameters.put("state", "s1");
        if (challenge != null) {
            parameters.put("code_challenge", challenge);
            parameters.put("code_challenge_method", "S256");
        }
        return "/oauth2/authorize?" + form(parameters);
    }

    private HttpResponse<String> loginForm() {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(form.statusCode()).isEqualTo(200);
        return form;
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String csrf(String loginPage) {
        Matcher matcher = CSRF.matcher(loginPage);
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode claims(String jwt) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static final class URLDecoded {
        static String of(String value) {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
