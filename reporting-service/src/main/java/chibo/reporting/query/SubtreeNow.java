package chibo.reporting.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisations standing in an organisation's subtree now, walked down the stored figures level by level, as the
 * figures count them. A parent keeps every organisation that ever stood under it, so a child stands under a parent
 * that lists it only if it names that parent now: a commune the 2025 reform moved from a district to the province
 * stands under the province, not the dissolved district, whichever of the two lists it first. An organisation merged
 * into another handed its figures to its successor: it and what stands under it stand in the successor's subtree,
 * and in no other (its own parent's included) — nothing stands in a merged organisation's own subtree now.
 */
final class SubtreeNow {

    /** Deeper than any party tree: central, province, district, commune, grassroots, cell. */
    private static final int MAX_DEPTH = 16;

    /** What the walk reads of an organisation's stored figures. */
    record Org(String id, String name, String parentId, String mergedInto, List<String> children) {

        Org {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /** The stored figures: looked up by id, and every organisation merged into another. */
    interface StoredOrgs {

        List<Org> byIds(Collection<String> ids);

        List<Org> merged();
    }

    private SubtreeNow() {
    }

    /**
     * The organisation and those standing in its subtree now, by id, with their names; empty when the organisation is
     * unknown, and an empty map when it was merged away.
     */
    static Optional<Map<String, String>> of(String orgId, StoredOrgs stored) {
        Org root = stored.byIds(List.of(orgId)).stream().filter(org -> org.id().equals(orgId)).findFirst()
                .orElse(null);
        if (root == null) {
            return Optional.empty();
        }
        if (root.mergedInto() != null) {
            return Optional.of(Map.of());
        }
        // mergers are few: read once, not at every level of the walk
        Map<String, List<Org>> mergedInto = new HashMap<>();
        for (Org source : stored.merged()) {
            mergedInto.computeIfAbsent(source.mergedInto(), id -> new ArrayList<>()).add(source);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<String>> listedBy = new HashMap<>();
        List<Org> level = List.of(root);
        for (int depth = 0; !level.isEmpty() && depth < MAX_DEPTH; depth++) {
            List<Org> standing = new ArrayList<>();
            for (Org org : level) {
                boolean standsHere = org == root || org.mergedInto() == null
                        && listedBy.getOrDefault(org.id(), Set.of()).contains(org.parentId());
                if (standsHere && !names.containsKey(org.id())) {
                    names.put(org.id(), org.name());
                    standing.add(org);
                }
            }
            standing.addAll(mergedInto(standing, mergedInto, names));
            Set<String> next = new HashSet<>();
            for (Org org : standing) {
                for (String child : org.children()) {
                    if (!names.containsKey(child)) {
                        listedBy.computeIfAbsent(child, id -> new HashSet<>()).add(org.id());
                        next.add(child);
                    }
                }
            }
            level = next.isEmpty() ? List.of() : stored.byIds(next);
        }
        return Optional.of(names);
    }

    /** Those merged into the organisations standing (and into those merged into them…), now standing with them. */
    private static List<Org> mergedInto(List<Org> standing, Map<String, List<Org>> mergedInto,
                                        Map<String, String> names) {
        List<Org> sources = new ArrayList<>();
        List<String> successors = standing.stream().map(Org::id).toList();
        while (!successors.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (String successor : successors) {
                for (Org source : mergedInto.getOrDefault(successor, List.of())) {
                    if (!names.containsKey(source.id())) {
                        names.put(source.id(), source.name());
                        sources.add(source);
                        found.add(source.id());
                    }
                }
            }
            successors = found;
        }
        return sources;
    }
}
