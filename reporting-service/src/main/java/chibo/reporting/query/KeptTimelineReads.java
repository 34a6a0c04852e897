package chibo.reporting.query;

import chibo.reporting.figures.KeptByWeight;

import java.util.Collections;
import java.util.Map;

/**
 * Timelines a query decoded, kept for the next query of the same organisation while the stored document keeps the
 * revision they were decoded from: a dashboard reads the same organisations again and again (a province's children,
 * its statistics report), and decoding every month of every child at each read was most of what a query cost beyond
 * the framework. Kept within a budget of bytes, least recently read first out ({@link KeptByWeight}); shared by the
 * request threads.
 */
final class KeptTimelineReads {

    /** Decoded months take about this many times the bytes of their stored form. */
    private static final int DECODED_PER_STORED_BYTE = 24;

    private final KeptByWeight<Kept> kept;

    /** One decoded timeline: the revision of the document it came from, and its months. */
    private record Kept(long revision, Map<String, Map<String, Long>> months) {
    }

    KeptTimelineReads(long budgetBytes) {
        this.kept = new KeptByWeight<>(budgetBytes);
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
        kept.keep(key, new Kept(revision, readOnly), 200L + (long) DECODED_PER_STORED_BYTE * storedBytes);
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
        return kept.bytes();
    }
}
