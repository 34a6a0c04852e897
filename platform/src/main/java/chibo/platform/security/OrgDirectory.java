package chibo.platform.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each service's view of the organisation tree, as far as authorisation needs it.
 */
public interface OrgDirectory {

    /** No real tree is deeper than this; a cycle in bad data stops here. */
    int MAX_DEPTH = 16;

    /**
     * The organisation's lineage from the root down to itself, as of now; empty when the organisation is unknown.
     */
    List<String> lineage(String orgId);

    /**
     * Walks parent pointers up from {@code orgId}.
     *
     * @param parentOf for a known organisation, its parent id ({@code Optional.of(null)} is not allowed: a root
     *                 answers {@code Optional.of("")}); empty for an unknown one
     */
    static List<String> walk(String orgId, Function<String, Optional<String>> parentOf) {
        List<String> lineage = new ArrayList<>();
        String next = orgId;
        while (next != null && !next.isEmpty() && lineage.size() < MAX_DEPTH) {
            Optional<String> parent = parentOf.apply(next);
            if (parent.isEmpty()) {
                break;
            }
            lineage.add(next);
            next = parent.get();
        }
        Collections.reverse(lineage);
        return List.copyOf(lineage);
    }
}
