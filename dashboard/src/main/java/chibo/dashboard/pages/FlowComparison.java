package chibo.dashboard.pages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The year's changes (admitted, recognised, transferred …) beside the same months of the year before: a committee
 * reads a figure by how it moved.
 */
public final class FlowComparison {

    private FlowComparison() {
    }

    /** One change, this year and the year before (null when the year before could not be read). */
    public record Line(String flow, long thisYear, Long lastYear) {

        /** This year's count less last year's, or null without last year's. */
        public Long change() {
            return lastYear == null ? null : thisYear - lastYear;
        }
    }

    /** The end of the same month a year before the figures shown: the year before's figures cover the same months. */
    static LocalDate yearBefore(LocalDate shown) {
        return YearMonth.from(shown).minusYears(1).atEndOfMonth();
    }

    /** Every change counted in either year, this year's first in their order, then any only last year had. */
    static List<Line> lines(Map<String, Long> thisYear, Map<String, Long> lastYear) {
        Set<String> flows = new LinkedHashSet<>(thisYear.keySet());
        if (lastYear != null) {
            flows.addAll(lastYear.keySet());
        }
        return flows.stream().map(flow -> new Line(flow, thisYear.getOrDefault(flow, 0L),
                lastYear == null ? null : lastYear.getOrDefault(flow, 0L))).toList();
    }
}
