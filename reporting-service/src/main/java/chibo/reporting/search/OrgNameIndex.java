package chibo.reporting.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names and parents of every organisation of one projection version, folded once, in memory: a search walks
 * them all (a country's ~100,000 in a few milliseconds) and never queries the store. An organisation's entry is
 * replaced only by one of a higher figures version, so a late batch of the sink or the start-up read cannot bring
 * back an old name.
 */
final class OrgNameIndex {

    /** Deeper than any party tree; stops a walk on a broken parent chain. */
    private static final int MAX_DEPTH = 64;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** An organisation as searched: its name as stored and folded, its level, parent and whether still active. */
    record Entry(String orgId, String name, String folded, String level, String parentId, boolean active,
                 long version) {

        static Entry of(String orgId, String name, String level, String parentId, boolean active, long version) {
            return new Entry(orgId, name == null ? "" : name, NameFolding.fold(name == null ? "" : name), level,
                    parentId == null || parentId.isEmpty() ? null : parentId, active, version);
        }
    }

    /** A match: the organisation, the organisations above it from the search's root down, and its rank. */
    record Match(Entry organisation, List<Entry> path, int rank) {
    }

    /** The first {@code limit} matches, best first, and how many there are in all. */
    record Found(List<Match> matches, int total) {
    }

    void put(Entry entry) {
        entries.merge(entry.orgId(), entry, (known, offered) -> offered.version() >= known.version() ? offered : known);
    }

    Optional<Entry> find(String orgId) {
        return Optional.ofNullable(entries.get(orgId));
    }

    int size() {
        return entries.size();
    }

    /**
     * The organisations whose folded names hold every word of the query, inside {@code withinOrgId}'s subtree (the
     * organisation itself included); {@code withinOrgId} null searches the whole tree.
     */
    Found search(String query, String withinOrgId, int limit) {
        String phrase = NameFolding.fold(query);
        String[] words = phrase.split(" ");
        Map<String, Boolean> inside = new HashMap<>();
        List<Match> matches = new ArrayList<>();
        for (Entry entry : entries.values()) {
            int rank = rank(entry.folded(), phrase, words);
            if (rank < 0 || withinOrgId != null && !within(entry, withinOrgId, inside)) {
                continue;
            }
            matches.add(new Match(entry, List.of(), rank));
        }
        matches.sort(Comparator.comparingInt(Match::rank)
                .thenComparing(match -> !match.organisation().active())
                .thenComparing(match -> match.organisation().folded())
                .thenComparing(match -> match.organisation().orgId()));
        List<Match> first = new ArrayList<>(Math.min(limit, matches.size()));
        for (Match match : matches.subList(0, Math.min(limit, matches.size()))) {
            first.add(new Match(match.organisation(), path(match.organisation(), withinOrgId), match.rank()));
        }
        return new Found(first, matches.size());
    }

    /**
     * 0 the whole name, 1 the name's beginning, 2 the phrase at the start of a word, 3 every word of the query at
     * the start of a word of the name, 4 every word somewhere in the name; -1 no match.
     */
    static int rank(String name, String phrase, String[] words) {
        // most names hold not every word: they are passed over before anything is allocated
        for (String word : words) {
            if (!name.contains(word)) {
                return -1;
            }
        }
        if (name.equals(phrase)) {
            return 0;
        }
        if (name.startsWith(phrase)) {
            return 1;
        }
        String spaced = " " + name;
        if (spaced.contains(" " + phrase)) {
            return 2;
        }
        for (String word : words) {
            if (!spaced.contains(" " + word)) {
                return 4;
            }
        }
        return 3;
    }

    private boolean within(Entry entry, String withinOrgId, Map<String, Boolean> known) {
        List<String> walked = new ArrayList<>();
        Boolean answer = null;
        Entry current = entry;
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            if (current.orgId().equals(withinOrgId)) {
                answer = true;
                break;
            }
            Boolean seen = known.get(current.orgId());
            if (seen != null) {
                answer = seen;
                break;
            }
            walked.add(current.orgId());
            current = current.parentId() == null ? null : entries.get(current.parentId());
        }
        boolean result = answer != null && answer;
        walked.forEach(orgId -> known.put(orgId, result));
        return result;
    }

    /**
     * The organisations above the entry down to its parent, from {@code withinOrgId} (or the top of the tree): a
     * reader is never shown the names above their own organisation.
     */
    private List<Entry> path(Entry entry, String withinOrgId) {
        List<Entry> above = new ArrayList<>();
        Entry current = entry.orgId().equals(withinOrgId) || entry.parentId() == null ? null
                : entries.get(entry.parentId());
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            above.addFirst(current);
            current = current.orgId().equals(withinOrgId) || current.parentId() == null ? null
                    : entries.get(current.parentId());
        }
        return List.copyOf(above);
    }
}
