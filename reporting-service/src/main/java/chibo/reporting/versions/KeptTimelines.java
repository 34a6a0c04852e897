package chibo.reporting.versions;

import chibo.reporting.figures.KeptByWeight;
import chibo.reporting.figures.TimelineBuilder;
import java.util.Map;

/**
 * The timelines a months sink keeps between writes, least recently written first out, within a budget of bytes
 * rather than a number of organisations: a cell's timeline holds ten years of months as much as a province's does, so
 * a bound by count that fits a small province's heap overflows a large one's (2,048 kept timelines of 200,000
 * members' cells took 250 MB). The hot timelines — the upper levels of the tree, written at nearly every commit —
 * stay; the others are read back when they change. Used by one consumer thread only.
 */
final class KeptTimelines {

    private final KeptByWeight<TimelineBuilder> kept;

    KeptTimelines(long budgetBytes) {
        this.kept = new KeptByWeight<>(budgetBytes);
    }

    /** The organisation's timeline if kept, or null. */
    TimelineBuilder get(String orgId) {
        return kept.get(orgId);
    }

    /** Keeps the timelines just written (weighed as they are now), then lets the least recent go while over budget. */
    void keep(Map<String, TimelineBuilder> written) {
        written.forEach((orgId, builder) -> kept.keep(orgId, builder, builder.weight()));
    }

    int size() {
        return kept.size();
    }

    long bytes() {
        return kept.bytes();
    }
}
