package chibo.reporting.audit;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Histories read from the archive by {@code _id} only. A subject's history is its events for seq 1..n, read in
 * chunks. An organisation's is assembled month by month of effective date from its month lists (and those of
 * every organisation under it), so a page reads only the months it needs and then the events it shows.
 */
@Component
class HistoryQueries {

    private static final int CHUNK = 200;

    private final AuditStore store;

    HistoryQueries(AuditStore store) {
        this.store = store;
    }

    /** A subject's events in one stream, in seq order (the order they were recorded). */
    HistoryPage subject(EventStream stream, String subject, HistoryFilter filter, String cursor, int size) {
        long after = HistoryCursor.seq(cursor);
        long lastSeq = store.chain(stream, subject).map(chain -> chain.chain().lastSeq()).orElse(0L);
        List<ArchivedEvent> matched = new ArrayList<>();
        long seq = after + 1;
        while (matched.size() <= size && seq <= lastSeq) {
            long to = Math.min(lastSeq, seq + Math.max(CHUNK, size) - 1);
            for (ArchivedEvent event : store.history(stream, subject, seq, to)) {
                if (filter.matches(event.type(), event.effectiveDate())) {
                    matched.add(event);
                }
            }
            seq = to + 1;
        }
        List<ArchivedEvent> page = matched.subList(0, Math.min(size, matched.size()));
        String next = matched.size() > size ? HistoryCursor.afterSeq(page.getLast().seq()) : null;
        return new HistoryPage(page.stream().map(HistoryEntry::of).toList(), size, next);
    }

    /**
     * The events that belong to the organisation (and, with {@code subtree}, to every organisation under it) in
     * history order: effective date, then recorded time.
     */
    HistoryPage organization(String orgId, boolean subtree, HistoryFilter filter, String cursor, int size) {
        IndexEntry after = HistoryCursor.entry(cursor);
        Map<String, AuditOrg> orgs = subtree ? store.subtree(orgId) : store.orgs(List.of(orgId));
        String firstMonth = after == null ? null : after.effectiveDate().toString().substring(0, 7);
        TreeMap<String, List<String>> orgsByMonth = new TreeMap<>();
        for (AuditOrg org : orgs.values()) {
            for (String month : org.months()) {
                if (filter.mayMatchMonth(month) && (firstMonth == null || month.compareTo(firstMonth) >= 0)) {
                    orgsByMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(org.id());
                }
            }
        }
        List<IndexEntry> matched = new ArrayList<>();
        for (Map.Entry<String, List<String>> month : orgsByMonth.entrySet()) {
            Map<String, IndexEntry> ofMonth = new LinkedHashMap<>();
            List<String> bucketIds = month.getValue().stream().map(org -> org + ":" + month.getKey()).toList();
            store.months(bucketIds).values().forEach(entries -> entries.forEach(entry -> {
                if (filter.matches(entry.type(), entry.effectiveDate())
                        && (after == null || IndexEntry.ORDER.compare(entry, after) > 0)) {
                    ofMonth.putIfAbsent(entry.stream().label() + "/" + entry.id(), entry);
                }
            }));
            ofMonth.values().stream().sorted(IndexEntry.ORDER).forEach(matched::add);
            if (matched.size() > size) {
                break;
            }
        }
        List<IndexEntry> page = matched.subList(0, Math.min(size, matched.size()));
        String next = matched.size() > size ? HistoryCursor.after(page.getLast()) : null;
        return new HistoryPage(load(page), size, next);
    }

    private List<HistoryEntry> load(List<IndexEntry> entries) {
        Map<EventStream, List<String>> ids = new EnumMap<>(EventStream.class);
        entries.forEach(entry -> ids.computeIfAbsent(entry.stream(), s -> new ArrayList<>()).add(entry.id()));
        Map<EventStream, Map<String, ArchivedEvent>> events = new EnumMap<>(EventStream.class);
        ids.forEach((stream, streamIds) -> events.put(stream, store.events(stream, streamIds)));
        List<HistoryEntry> loaded = new ArrayList<>();
        for (IndexEntry entry : entries) {
            ArchivedEvent event = events.get(entry.stream()).get(entry.id());
            if (event != null) {
                loaded.add(HistoryEntry.of(event));
            }
        }
        return loaded;
    }
}
