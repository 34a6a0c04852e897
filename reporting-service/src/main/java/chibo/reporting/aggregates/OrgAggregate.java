package chibo.reporting.aggregates;

import chibo.contracts.organization.OrgLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An organisation's live figures: its counters include its whole subtree. {@code version} rises with every change,
 * so a store that keeps only the highest version can never double or roll back a count.
 *
 * @param orgSeq         the seq of the organisation's last applied event
 * @param mergedInto     the organisation this one was merged into, which now holds its stock
 * @param counters       totals: stock now, flows ever
 * @param months         the months of effective date ({@code 2025-07}) with figures: each is an {@link OrgMonth}
 * @param children       the organisations directly under this one, merged and dissolved ones included
 * @param lastRecordedAt recorded time of the latest event reflected here
 */
public record OrgAggregate(String orgId, String name, OrgLevel level, String parentId, boolean active, long orgSeq,
                           String mergedInto, Map<String, Long> counters, List<String> months,
                           List<String> children, long version, Instant lastRecordedAt) {

    public OrgAggregate {
        counters = Map.copyOf(counters);
        months = months == null ? List.of() : List.copyOf(months);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** These figures with a delta applied to the totals, its month listed. */
    OrgAggregate plus(OrgDelta delta) {
        List<String> newMonths = months;
        if (delta.month() != null && !delta.counters().isEmpty() && !months.contains(delta.month())) {
            TreeSet<String> sorted = new TreeSet<>(months);
            sorted.add(delta.month());
            newMonths = List.copyOf(sorted);
        }
        return new OrgAggregate(orgId, name, level, parentId, active, orgSeq, mergedInto,
                Counters.plus(counters, delta.counters()), newMonths, children, version + 1,
                latest(lastRecordedAt, delta.recordedAt()));
    }

    OrgAggregate withChild(String childId, boolean added, Instant recordedAt) {
        TreeSet<String> newChildren = new TreeSet<>(children);
        if (added) {
            newChildren.add(childId);
        } else {
            newChildren.remove(childId);
        }
        return new OrgAggregate(orgId, name, level, parentId, active, orgSeq, mergedInto, counters, months,
                List.copyOf(newChildren), version + 1, latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate withOrganisation(String newName, OrgLevel newLevel, String newParentId, boolean nowActive,
                                  long seq, Instant recordedAt) {
        return new OrgAggregate(orgId, newName, newLevel, newParentId, nowActive, seq, mergedInto, counters, months,
                children, version + 1, latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate mergedInto(String targetId, Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, false, orgSeq, targetId, counters, months, children,
                version + 1, latest(lastRecordedAt, recordedAt));
    }

    static OrgAggregate registered(String orgId, String name, OrgLevel level, String parentId, long seq,
                                   Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, true, seq, null, Map.of(), List.of(), List.of(), 1,
                recordedAt);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
