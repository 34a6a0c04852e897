package chibo.dashboard.figures;

import java.util.List;

/**
 * Organisations found by name inside the reader's subtree ({@code /organizations/search}), best first: at most a
 * page of them, {@code total} saying how many matched and {@code more} whether some were left out.
 */
public record OrgMatches(String query, String within, List<Match> results, int total, boolean more) {

    /** A matching organisation and the organisations above it, from the top of the tree down. */
    public record Match(String orgId, String name, String level, boolean active, List<Above> path) {
    }

    public record Above(String orgId, String name, String level) {
    }
}
