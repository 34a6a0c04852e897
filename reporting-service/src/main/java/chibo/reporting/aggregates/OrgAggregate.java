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
 * @param mergedInto     the organisation this one was merged into, which holds its stock from {@code mergedMonth}
 * @param counters       totals: stock now, flows ever
 * @param months         the months of effective date ({@code 2025-07}) with figures: each is an {@link OrgMonth}
 * @param children       the organisations directly under this one, merged and dissolved ones included
 * @param placements     the parents it had, each from a month of effective date: what happened in a month is
 *                       counted up the line of the parent it had then
 * @param lastRecordedAt recorded time of the latest event reflected here
 */
public record OrgAggregate(String orgId, String name, OrgLevel level, String parentId, boolean active, long orgSeq,
                           String mergedInto, String mergedMonth, Map<String, Long> counters, List<String> months,
                           List<String> children, List<Placement> placements, long version, Instant lastRecordedAt) {

    /** The month of registration's placement: before any month. */
    static final String ALWAYS = "0000-01";

    /** Under {@code parentId} from {@code fromMonth} on. */
    public record Placement(String fromMonth, String parentId) {
    }

    public OrgAggregate {
        counters = Map.copyOf(counters);
        months = months == null ? List.of() : List.copyOf(months);
        children = children == null ? List.of() : List.copyOf(children);
        placements = placements == null || placements.isEmpty() ? List.of(new Placement(ALWAYS, parentId))
                : List.copyOf(placements);
    }

    /** These figures with a delta applied to the totals, its month listed. */
    OrgAggregate plus(OrgDelta delta) {
        List<String> newMonths = months;
        if (delta.month() != null && !delta.counters().isEmpty() && !months.contains(delta.month())) {
            TreeSet<String> sorted = new TreeSet<>(months);
            sorted.add(delta.month());
            newMonths = List.copyOf(sorted);
        }
        return new OrgAggregate(orgId, name, level, parentId, active, orgSeq, mergedInto, mergedMonth,
                Counters.plus(counters, delta.counters()), newMonths, children, placements, version + 1,
                latest(lastRecordedAt, delta.recordedAt()));
    }

    /** The parent in a month of effective date. */
    String parentIn(String month) {
        String parent = null;
        for (Placement placement : placements) {
            if (placement.fromMonth().compareTo(month) <= 0) {
                parent = placement.parentId();
            }
        }
        return parent;
    }

    /** The month the current placement began (moves are taken in order: a later one never starts earlier). */
    String placedSince() {
        return placements.getLast().fromMonth();
    }

    OrgAggregate withChild(String childId, boolean added, Instant recordedAt) {
        TreeSet<String> newChildren = new TreeSet<>(children);
        if (added) {
            newChildren.add(childId);
        } else {
            newChildren.remove(childId);
        }
        return new OrgAggregate(orgId, name, level, parentId, active, orgSeq, mergedInto, mergedMonth, counters,
                months, List.copyOf(newChildren), placements, version + 1, latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate withOrganisation(String newName, OrgLevel newLevel, boolean nowActive, long seq, Instant recordedAt) {
        return new OrgAggregate(orgId, newName, newLevel, parentId, nowActive, seq, mergedInto, mergedMonth, counters,
                months, children, placements, version + 1, latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate movedTo(String newParentId, String fromMonth, long seq, Instant recordedAt) {
        List<Placement> newPlacements = new java.util.ArrayList<>(placements);
        newPlacements.add(new Placement(fromMonth, newParentId));
        return new OrgAggregate(orgId, name, level, newParentId, active, seq, mergedInto, mergedMonth, counters,
                months, children, newPlacements, version + 1, latest(lastRecordedAt, recordedAt));
    }

    OrgAggregate mergedInto(String targetId, String month, Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, false, orgSeq, targetId, month, counters, months,
                children, placements, version + 1, latest(lastRecordedAt, recordedAt));
    }

    static OrgAggregate registered(String orgId, String name, OrgLevel level, String parentId, long seq,
                                   Instant recordedAt) {
        return new OrgAggregate(orgId, name, level, parentId, true, seq, null, null, Map.of(), List.of(), List.of(),
                List.of(new Placement(ALWAYS, parentId)), 1, recordedAt);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
