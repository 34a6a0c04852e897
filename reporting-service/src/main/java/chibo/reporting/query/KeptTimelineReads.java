package chibo.reporting.query;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Timelines a query decoded, kept for the next query of the same organisation while the stored document keeps the
 * revision they were decoded from: a dashboard reads the same organisations again and again (a province's children,
 * its statistics report), and decoding every month of every child at each read was most of what a query cost beyond
 * the framework. Kept within a budget of bytes, least recently read first out; shared by the request threads.
 */
final class KeptTimelineReads {

    /** Decoded months take about this many times the bytes of their stored form. */
    private static final int DECODED_PER_STORED_BYTE = 24;

    private final long budgetBytes;
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long keptBytes;

    /** One decoded timeline: the revision of the document it came from, its months, and about what it weighs. */
    record Kept(long revision, Map<String, Map<String, Long>> months, long weight) {
    }

    KeptTimelineReads(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The months decoded from the document at this revision, or null. */
    synchronized Map<String, Map<String, Long>> get(String key, long revision) {
        Kept found = kept.get(key);
        return found != null && found.revision() == revision ? found.months() : null;
    }

    /**
     * Keeps months just decoded (and no longer changed by anyone) from a document of {@code storedBytes} at
     * {@code revision}, made read-only, and answers them.
     */
    synchronized Map<String, Map<String, Long>> keep(String key, long revision, Map<String, Map<String, Long>> months,
                                                     int storedBytes) {
        Map<String, Map<String, Long>> readOnly = readOnly(months);
        long weight = 200L + (long) DECODED_PER_STORED_BYTE * storedBytes;
        if (weight > budgetBytes) {
            return readOnly;
        }
        Kept previous = kept.put(key, new Kept(revision, readOnly, weight));
        keptBytes += weight - (previous == null ? 0 : previous.weight());
        Iterator<Kept> eldest = kept.values().iterator();
        while (keptBytes > budgetBytes && eldest.hasNext()) {
            keptBytes -= eldest.next().weight();
            eldest.remove();
        }
        return readOnly;
    }

    private static Map<String, Map<String, Long>> readOnly(Map<String, Map<String, Long>> months) {
        months.replaceAll((month, counters) -> Collections.unmodifiableMap(counters));
        return Collections.unmodifiableMap(months);
    }

    synchronized int size() {
        return kept.size();
    }

    synchronized long bytes() {
        return keptBytes;
    }
}
