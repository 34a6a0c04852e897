package chibo.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * People logging into a web application: the application is a confidential client that must also prove it started
 * the login (PKCE), and a person's tokens carry the person's {@code roles} and {@code org}, never the application's.
 */
final class UserLogin {

    private final Map<String, LoginProperties.User> users;

    UserLogin(LoginProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(LoginProperties.User::username, Function.identity()));
    }

    static RegisteredClient registeredClient(LoginProperties.WebClient client, Duration tokenTtl) {
        return RegisteredClient.withId(client.id())
                .clientId(client.id())
                .clientSecret("{noop}" + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    /** The demo users' passwords are kept as configured ({noop}): the local stack's users are not real people. */
    List<UserDetails> userDetails() {
        return users.values().stream()
                .map(user -> User.withUsername(user.username()).password("{noop}" + user.password())
                        .authorities(user.roles().toArray(String[]::new)).build())
                .toList();
    }

    /** The person behind a token asked for with a login, if it was one; client-credentials tokens have none. */
    Optional<LoginProperties.User> person(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return Optional.empty();
        }
        Authentication principal = context.getPrincipal();
        return Optional.ofNullable(principal == null ? null : users.get(principal.getName()));
    }

    /** Both the access token (for the services) and the ID token (for the application's own pages) say who. */
    static boolean carriesClaims(JwtEncodingContext context) {
        return OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    }

    static void claim(JwtEncodingContext context, LoginProperties.User user) {
        context.getClaims().claim("roles", user.roles());
        context.getClaims().claim("name", user.name());
        if (user.org() != null && !user.org().isBlank()) {
            context.getClaims().claim("org", user.org());
        }
    }
}
