package chibo.reporting.versions;

import chibo.reporting.figures.TimelineBuilder;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The timelines a months sink keeps between writes, least recently written first out, within a budget of bytes
 * rather than a number of organisations: a cell's timeline holds ten years of months as much as a province's does, so
 * a bound by count that fits a small province's heap overflows a large one's (2,048 kept timelines of 200,000
 * members' cells took 250 MB). The hot timelines — the upper levels of the tree, written at nearly every commit —
 * stay; the others are read back when they change. Used by one consumer thread only.
 */
final class KeptTimelines {

    private final long budgetBytes;
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(1024, 0.75f, true);
    private long keptBytes;

    private record Kept(TimelineBuilder builder, long weight) {
    }

    KeptTimelines(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The organisation's timeline if kept, or null. */
    TimelineBuilder get(String orgId) {
        Kept found = kept.get(orgId);
        return found == null ? null : found.builder();
    }

    /** Keeps the timelines just written (weighed as they are now), then lets the least recent go while over budget. */
    void keep(Map<String, TimelineBuilder> written) {
        written.forEach((orgId, builder) -> {
            long weight = builder.weight();
            Kept previous = kept.put(orgId, new Kept(builder, weight));
            keptBytes += weight - (previous == null ? 0 : previous.weight());
        });
        Iterator<Kept> eldest = kept.values().iterator();
        while (keptBytes > budgetBytes && eldest.hasNext()) {
            keptBytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    int size() {
        return kept.size();
    }

    long bytes() {
        return keptBytes;
    }
}
