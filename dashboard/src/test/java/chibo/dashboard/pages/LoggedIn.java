package chibo.dashboard.pages;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/** A person logged into the dashboard through the authorization server, as the pages' tests send one. */
final class LoggedIn {

    private LoggedIn() {
    }

    /** @param org the organisation whose subtree the person reads (null: none, as for auditors and operators) */
    static RequestPostProcessor person(ClientRegistrationRepository registrations, String username, String name,
                                       String org, String role) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("chibo"))
                .idToken(token -> {
                    token.subject(username).claim("name", name).claim("roles", List.of(role));
                    if (org != null) {
                        token.claim("org", org);
                    }
                });
    }
}
