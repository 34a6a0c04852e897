package chibo.dashboard.login;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.List;
import java.util.Set;

/**
 * The person reading, as their ID token says: their name, the organisation whose subtree they may read ({@code org},
 * none for auditors) and their roles.
 */
public record Reader(String username, String name, String org, Set<String> roles) {

    private static final Set<String> FIGURE_READERS = Set.of("dashboard-reader", "auditor", "agency-writer");
    private static final Set<String> PEOPLE_DUE_READERS = Set.of("dashboard-reader", "auditor", "agency-writer");

    public static Reader of(OidcUser user) {
        List<String> roles = user.getClaimAsStringList("roles");
        String name = user.getClaimAsString("name");
        return new Reader(user.getSubject(), name == null ? user.getSubject() : name, user.getClaimAsString("org"),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    /** Whether any of the reader's roles reads figures; an operator's does not (it runs them). */
    public boolean readsFigures() {
        return roles.stream().anyMatch(FIGURE_READERS::contains);
    }

    /** Whether the reader runs the figures (rebuilds, switches): the operator. */
    public boolean runsFigures() {
        return roles.contains("operator");
    }

    /**
     * Whether the reader may see who is due (names and member ids) rather than only how many: the roles
     * membership-service names people to in its due lists (docs/personal-data.md).
     */
    public boolean readsPeopleDue() {
        return roles.stream().anyMatch(PEOPLE_DUE_READERS::contains);
    }

    /** Whether the reader audits: reads members' and organisations' histories and checks their hash chains. */
    public boolean audits() {
        return roles.contains("auditor");
    }

    /** Whether the reader sees the versions of the figures: auditors and operators. */
    public boolean seesVersions() {
        return roles.contains("auditor") || runsFigures();
    }

    /** Where the reader's tree starts: their own organisation, or the top for readers bound to none. */
    public String home(String rootOrg) {
        return org == null || org.isBlank() ? rootOrg : org;
    }
}
