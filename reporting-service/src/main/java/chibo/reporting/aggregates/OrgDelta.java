package chibo.reporting.aggregates;

import java.time.Instant;
import java.util.Map;

/**
 * A change to an organisation's counters, travelling on the org-deltas topic keyed by the organisation it is for.
 * Member, meeting and unit facts make deltas for their organisation; each organisation forwards what it applied to
 * its parent.
 *
 * @param counters   the change of each counter
 * @param month      the month of the effective date the change belongs to ({@code 2025-07}); stock as of a date
 *                   and flows of a period are summed from these
 * @param cause      the id of the event that caused it
 * @param recordedAt when that event was recorded, for freshness
 * @param mergeInto  set on the instruction to an organisation that it was merged into this one: it hands its
 *                   stock over and passes on whatever still reaches it
 * @param child      set when {@code childAdded} says a child organisation joined ({@code true}) or left
 *                   ({@code false}) this one
 */
public record OrgDelta(Map<String, Long> counters, String month, String cause, Instant recordedAt, String mergeInto,
                       String child, boolean childAdded) {

    public OrgDelta {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    static OrgDelta of(Map<String, Long> counters, String month, String cause, Instant recordedAt) {
        return new OrgDelta(counters, month, cause, recordedAt, null, null, false);
    }

    static OrgDelta mergeInto(String targetId, String month, String cause, Instant recordedAt) {
        return new OrgDelta(Map.of(), month, cause, recordedAt, targetId, null, false);
    }

    static OrgDelta child(String childId, boolean added, String cause, Instant recordedAt) {
        return new OrgDelta(Map.of(), null, cause, recordedAt, null, childId, added);
    }

    /** The same change, passed on to the parent. */
    OrgDelta counting() {
        return of(counters, month, cause, recordedAt);
    }
}
