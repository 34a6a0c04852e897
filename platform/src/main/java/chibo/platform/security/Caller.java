package chibo.platform.security;

import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling: the token's subject (a client or user), its roles and the organisation whose subtree it may act
 * on ({@code org} claim; null for tokens not bound to a subtree, such as auditors').
 */
public record Caller(String subject, Set<String> roles, String org) {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "a bearer token is required");
        }
        Set<String> roles = jwt.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(jwt.getName(), roles, jwt.getToken().getClaimAsString(Roles.ORG_CLAIM));
    }

    /** When the current caller's token expires (null: no expiry, or no token). */
    public static java.time.Instant tokenExpiresAt() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getExpiresAt() : null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Actor id recorded with events this caller causes, e.g. for provenance. */
    public String actor() {
        return subject;
    }
}
