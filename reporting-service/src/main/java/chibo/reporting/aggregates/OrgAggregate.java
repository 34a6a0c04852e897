package chibo.reporting.aggregates;

import chibo.contracts.organization.OrgLevel;

import java.time.Instant;
import java.util.Map;

/**
 * An organisation's live figures: its counters include its whole subtree. {@code version} rises with every change,
 * so a store that keeps only the highest version can never double or roll back a count.
 *
 * @param orgSeq         the seq of the organisation's last applied event
 * @param mergedInto     the organisation this one was merged into, which now holds its figures
 * @param lastRecordedAt recorded time of the latest event reflected here
 */
public record OrgAggregate(String orgId, String name, OrgLevel level, String parentId, boolean active, long orgSeq,
                           String mergedInto, Map<String, Long> counters, long version, Instant lastRecordedAt) {

    public OrgAggregate {
        counters = Map.copyOf(counters);
    }

    OrgAggregate withCounters(Map<String, Long> newCounters, Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, active, orgSeq, mergedInto, newCounters, version + 1,
                latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate withOrganisation(String newName, OrgLevel newLevel, String newParentId, boolean nowActive,
                                  long seq, Instant recordedAt) {
        return new OrgAggregate(orgId, newName, newLevel, newParentId, nowActive, seq, mergedInto, counters,
                version + 1, latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate mergedInto(String targetId, Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, false, orgSeq, targetId, Map.of(), version + 1,
                latest(lastRecordedAt, recordedAt));
    }

    static OrgAggregate registered(String orgId, String name, OrgLevel level, String parentId, long seq,
                                   Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, true, seq, null, Map.of(), 1, recordedAt);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
