package chibo.reporting.query;

import chibo.reporting.figures.OrgFigures;
import chibo.reporting.figures.Placements;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organisation's figures as a query reads them ({@link OrgFiguresReader}), its whole subtree included: totals
 * (stock now, flows ever) and, per month of effective date, the change of each stock counter and each flow's count.
 *
 * @param children   the organisations that ever stood directly under this one
 * @param placements where this one stood in the tree, month by month
 */
public record OrgFiguresView(String orgId, String name, String level, String parentId, boolean active,
                             String mergedInto, Map<String, Long> counters, Map<String, Map<String, Long>> months,
                             List<String> children, Placements placements, long version, Instant lastRecordedAt) {

    /** An organisation's figures as a fold left them: its totals and place in the tree, and its months. */
    public static OrgFiguresView of(OrgFigures a, Map<String, Map<String, Long>> months) {
        return new OrgFiguresView(a.orgId(), a.name(), a.level() == null ? null : a.level().name(), a.parentId(),
                a.active(), a.mergedInto(), a.counters(), months, a.children(), a.placementHistory(), a.version(),
                a.lastRecordedAt());
    }

    public long get(String counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
