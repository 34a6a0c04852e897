package chibo.reporting.figures;

import chibo.contracts.organization.OrgLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organisation's live figures, as stored and published at each commit: its counters include its whole subtree.
 * {@code version} rises with every change, so a store that keeps only the highest version can never double or roll
 * back a count. The org-aggregate processor works on an {@link OrgFiguresState} and writes this form of it.
 *
 * @param orgSeq         the seq of the organisation's last applied event
 * @param mergedInto     the organisation this one was merged into, which holds its stock from {@code mergedMonth}
 * @param counters       totals: stock now, flows ever
 * @param months         the months of effective date ({@code 2025-07}) with figures: each is an {@link OrgMonth}
 * @param children       the organisations that ever stood directly under this one: merged, dissolved and moved
 *                       away ones included ({@link Placements} says which stood here in a month)
 * @param placements     the parents it had, each from a month of effective date: what happened in a month is
 *                       counted up the line of the parent it had then
 * @param registeredMonth the month of its registration's effective date (null in states kept before it was)
 * @param dissolvedMonth the month of its dissolution's effective date, or null
 * @param lastRecordedAt recorded time of the latest event reflected here
 */
public record OrgFigures(String orgId, String name, OrgLevel level, String parentId, boolean active, long orgSeq,
                           String mergedInto, String mergedMonth, Map<String, Long> counters, List<String> months,
                           List<String> children, List<Placement> placements, String registeredMonth,
                           String dissolvedMonth, long version, Instant lastRecordedAt) {

    /** The month of registration's placement: before any month. */
    public static final String ALWAYS = "0000-01";

    /** Under {@code parentId} from {@code fromMonth} on. */
    public record Placement(String fromMonth, String parentId) {
    }

    public OrgFigures {
        counters = Map.copyOf(counters);
        months = months == null ? List.of() : List.copyOf(months);
        children = children == null ? List.of() : List.copyOf(children);
        placements = placements == null || placements.isEmpty() ? List.of(new Placement(ALWAYS, parentId))
                : List.copyOf(placements);
    }

    static OrgFigures registered(String orgId, String name, OrgLevel level, String parentId, String month,
                                   long seq, Instant recordedAt) {
        return new OrgFigures(orgId, name, level, parentId, true, seq, null, null, Map.of(), List.of(), List.of(),
                List.of(new Placement(ALWAYS, parentId)), month, null, 1, recordedAt);
    }

    /** Where it stood in the tree month by month, from its registration to its merger or dissolution. */
    public Placements placementHistory() {
        return new Placements(registeredMonth, endedMonth(mergedMonth, dissolvedMonth), placements);
    }

    /** The month an organisation stopped existing: the earlier of its merger and its dissolution, or null. */
    public static String endedMonth(String mergedMonth, String dissolvedMonth) {
        if (mergedMonth == null || dissolvedMonth == null) {
            return mergedMonth == null ? dissolvedMonth : mergedMonth;
        }
        return mergedMonth.compareTo(dissolvedMonth) <= 0 ? mergedMonth : dissolvedMonth;
    }
}
