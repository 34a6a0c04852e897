package chibo.reporting.aggregates;

import java.time.Instant;
import java.util.Map;

/**
 * A change to an organisation's counters, travelling on the org-deltas topic keyed by the organisation it is for.
 * Member events make deltas for their cell; each organisation forwards what it applied to its parent.
 *
 * @param cause      the id of the event that caused it
 * @param recordedAt when that event was recorded, for freshness
 * @param mergeInto  set on the instruction to an organisation that it was merged into this one: it hands its
 *                   totals over and passes on whatever still reaches it
 */
public record OrgDelta(Map<String, Long> counters, String cause, Instant recordedAt, String mergeInto) {

    public OrgDelta {
        counters = Map.copyOf(counters);
    }

    static OrgDelta of(Map<String, Long> counters, String cause, Instant recordedAt) {
        return new OrgDelta(counters, cause, recordedAt, null);
    }
}
