package chibo.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * People who log in with a password, and the web applications they log into (authorization code with PKCE).
 *
 * @param clients the web applications, e.g. the dashboard
 * @param users   the people, each with the same {@code roles} and {@code org} claims a client token carries
 */
@Validated
@ConfigurationProperties("chibo.auth.login")
public record LoginProperties(List<@Valid WebClient> clients, List<@Valid User> users) {

    public LoginProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param redirectUris           where the authorization code may be sent
     * @param postLogoutRedirectUris where the browser may return after logging out (RP-initiated logout)
     */
    public record WebClient(@NotBlank String id, @NotBlank String secret, @NotEmpty List<String> redirectUris,
                            List<String> postLogoutRedirectUris) {

        public WebClient {
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }
    }

    /**
     * @param name  the name shown to the user once logged in
     * @param roles the {@code roles} claim of the user's tokens
     * @param org   the {@code org} claim: the root of the subtree the user may read, if any
     */
    public record User(@NotBlank String username, @NotBlank String password, @NotBlank String name,
                       @NotEmpty List<String> roles, String org) {
    }
}
