package chibo.dashboard.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;

/**
 * After the dashboard's session ends, the browser goes on to the authorization server's logout endpoint (OpenID
 * RP-initiated logout) so that the next login asks for the password again, then back to the "logged out" page.
 */
final class AuthServerLogout implements LogoutSuccessHandler {

    static final String LOGGED_OUT = "/logged-out";

    private final String endSessionUri;

    AuthServerLogout(String endSessionUri) {
        this.endSessionUri = endSessionUri;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        String loggedOut = ServletUriComponentsBuilder.fromContextPath(request).path(LOGGED_OUT).toUriString();
        response.sendRedirect(target(authentication, loggedOut));
    }

    String target(Authentication authentication, String loggedOut) {
        if (endSessionUri == null || endSessionUri.isBlank()
                || !(authentication != null && authentication.getPrincipal() instanceof OidcUser user)) {
            return loggedOut;
        }
        return UriComponentsBuilder.fromUriString(endSessionUri)
                .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                .queryParam("post_logout_redirect_uri", loggedOut)
                .encode().build().toUriString();
    }
}
