package chibo.reporting.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The organisation tree in memory, folded from {@link TreeChange}s: for a verification job's own reading. */
final class OrgLinks {

    private final Map<String, String> parentOf = new HashMap<>();

    void apply(TreeChange change) {
        if (change.child() != null) {
            parentOf.put(change.child(), change.newParent());
        }
    }

    boolean knows(String orgId) {
        return parentOf.containsKey(orgId);
    }

    /** The organisation and everything under it, the organisation first. */
    Set<String> subtree(String root) {
        Map<String, List<String>> children = new HashMap<>();
        parentOf.forEach((child, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child);
            }
        });
        Set<String> subtree = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            String org = next.poll();
            if (subtree.add(org)) {
                next.addAll(children.getOrDefault(org, List.of()));
            }
        }
        return subtree;
    }
}
